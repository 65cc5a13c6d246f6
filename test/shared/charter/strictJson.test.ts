// The strict JSON scanner: it accepts exactly what JSON.parse accepts (and gives the same value),
// except an object that names a key twice, which it refuses saying where; deep nesting is refused
// without ever overflowing the stack.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson } from '../../../shared/charter';

const jsonParses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random JSON value whose objects never repeat a key. */
function randomValue(random: () => number, depth = 0): unknown {
  const r = random();
  if (depth > 4 || r < 0.3) return [null, true, false, 0, -1.5e-7, 1234567, 'a"\\/\b\f\n\r\t\u0001\u2028😀', ''][Math.floor(random() * 8)];
  if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const keys = [...new Set(Array.from({ length: Math.floor(random() * 5) }, () => ['title', 'a', 'é', 'requireSeal', '\u0000', ''][Math.floor(random() * 6)] ?? ''))];
  return Object.fromEntries(keys.map((k) => [k, randomValue(random, depth + 1)]));
}

describe('parseStrictJson', () => {
  it('accepts what JSON.parse accepts, with the same value, and refuses what it refuses', () => {
    const table = [
      '{}', '[]', '0', '-0', '1e5', '-1.25E-3', '"x"', 'null', ' \t\r\n{"a" : [ 1 , { "b" : "c" } ] }\r\n', '"\\u00e9\\ud83d\\ude00"', '"\\ud800"',
      '', ' ', '{', '[1,]', '{"a":1,}', '01', '1.', '.5', '+1', '-', '"\\x"', '"\t"', "{'a':1}", '{"a" 1}', 'true false', 'nul', 'NaN', '[1] x', '\ufeff{}', '{"a":1}}',
    ];
    for (const text of table) {
      const result = parseStrictJson(text);
      expect(result.ok, JSON.stringify(text)).toBe(jsonParses(text));
      if (result.ok) expect(result.value).toEqual(JSON.parse(text));
    }
  });

  it('agrees with JSON.parse on random documents and on every one-character damage to them', () => {
    const random = mulberry32(0x15011);
    const alphabet = '{}[]",:0123456789.eE+-tfnul\\ abc';
    for (let round = 0; round < 400; round++) {
      const text = JSON.stringify(randomValue(random), null, round % 2 ? 1 : undefined);
      const good = parseStrictJson(text);
      expect(good.ok && good.value).toEqual(JSON.parse(text));
      const at = Math.floor(random() * text.length);
      const damaged = text.slice(0, at) + (alphabet[Math.floor(random() * alphabet.length)] ?? '') + text.slice(at + 1);
      const result = parseStrictJson(damaged);
      if (result.ok) expect(result.value).toEqual(JSON.parse(damaged));
      // The one thing JSON.parse accepts and the scanner does not: a key named twice.
      else if (jsonParses(damaged)) expect(result.error).toContain('appears twice');
    }
  });

  it('refuses a key named twice, however it is spelled, and says where', () => {
    const cases: [string, string][] = [
      ['{"a":1,"a":2}', 'the key "a" appears twice in the top-level object; a reader could take either value (line 1, column 8)'],
      ['{"charter":{"content":{"title":"x",\n"title":"y"}}}', 'the key "title" appears twice in charter.content; a reader could take either value (line 2, column 1)'],
      ['{"quorum":{"requireSeal":false,"requireSeal":true}}', 'the key "requireSeal" appears twice in quorum; a reader could take either value (line 1, column 32)'],
      ['{"s":[{},{"k":1,"\\u006b":2}]}', 'the key "k" appears twice in s[1]; a reader could take either value (line 1, column 17)'],
    ];
    for (const [text, error] of cases) expect(parseStrictJson(text)).toEqual({ ok: false, error });
    // The same name in different objects is not a repeat.
    expect(parseStrictJson('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}').ok).toBe(true);
  });

  it('refuses nesting deeper than the limit without recursing', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(parseStrictJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseStrictJson(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, error: `nesting deeper than ${MAX_JSON_DEPTH} levels (line 1, column ${MAX_JSON_DEPTH + 1})` });
    // A million levels: JSON.parse itself would be asked only after the scanner said yes.
    expect(parseStrictJson(nested(1_000_000)).ok).toBe(false);
  });
});
