// Strict JSON for charter files: RFC 8259 exactly, and no object may name a key twice.
// JSON.parse keeps the last of two equal keys; another reader, or a person, sees the first
// (`"title": "<unsigned>", "title": "<signed>"`). Such a file means two things, so it is refused.
//
// Why our own scanner: npm has few parsers that report duplicates. @humanwhocodes/momoa (well
// kept) builds a full AST, several hundred bytes per value, which a 1 MiB bundle turns into
// tens of MB; json-dup-key-validator and find-duplicated-property-keys are single-author
// packages without recent releases. This scanner only checks: it walks the text once without
// recursion (so no nesting can overflow the stack), remembers the keys of the open objects,
// and leaves building the value to JSON.parse once the text is known to be unambiguous.

export type StrictJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** A charter bundle nests 7 deep; anything far deeper is not one. */
export const MAX_JSON_DEPTH = 64;

class JsonError extends Error {}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

interface Frame {
  readonly keys: Set<string> | null; // null for an array
  readonly path: string;
  index: number; // of the array element being read
}

class Scanner {
  private at = 0;
  private readonly stack: Frame[] = [];

  constructor(private readonly text: string) {}

  private fail(what: string): never {
    const before = this.text.slice(0, this.at);
    const line = before.split('\n').length;
    const column = this.at - before.lastIndexOf('\n');
    throw new JsonError(`${what} (line ${line}, column ${column})`);
  }

  private skipSpace(): void {
    while (WS.has(this.text.charCodeAt(this.at))) this.at++;
  }

  private expect(ch: string): void {
    if (this.text[this.at] !== ch) this.fail(this.at >= this.text.length ? `the text ends where "${ch}" was expected` : `expected "${ch}"`);
    this.at++;
  }

  /** Reads a string and returns its value, decoded exactly as JSON.parse decodes it. */
  private string(): string {
    this.expect('"');
    let out = '';
    let from = this.at;
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (Number.isNaN(c)) this.fail('the text ends inside a string');
      if (c === 0x22) break;
      if (c < 0x20) this.fail('a control character inside a string');
      if (c !== 0x5c) {
        this.at++;
        continue;
      }
      out += this.text.slice(from, this.at);
      const e = this.text[this.at + 1] ?? '';
      if (e === 'u') {
        const hex = this.text.slice(this.at + 2, this.at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('a bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.at += 6;
      } else {
        const simple = SIMPLE_ESCAPES[e];
        if (simple === undefined) this.fail('a bad escape');
        out += simple;
        this.at += 2;
      }
      from = this.at;
    }
    out += this.text.slice(from, this.at);
    this.at++;
    return out;
  }

  private scalar(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.at;
    if (!NUMBER.test(this.text) || NUMBER.lastIndex === this.at) this.fail('expected a value');
    this.at = NUMBER.lastIndex;
  }

  private open(keys: Set<string> | null, path: string): void {
    if (this.stack.length >= MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    this.stack.push({ keys, path, index: 0 });
    this.at++;
  }

  /** Reads one key and its colon; refuses a key this object already has. */
  private key(frame: Frame): string {
    const start = this.at;
    const key = this.string();
    if (frame.keys?.has(key)) {
      this.at = start;
      const where = frame.path ? clip(frame.path) : 'the top-level object';
      this.fail(`the key ${JSON.stringify(clip(key))} appears twice in ${where}; a reader could take either value`);
    }
    frame.keys?.add(key);
    this.skipSpace();
    this.expect(':');
    return key;
  }

  scan(): void {
    let path = '';
    for (;;) {
      // A value starts here; `path` says where, for the messages.
      this.skipSpace();
      const c = this.text[this.at];
      if (c === '{' || c === '[') {
        this.open(c === '{' ? new Set() : null, path);
        this.skipSpace();
        const frame = this.stack[this.stack.length - 1] as Frame;
        if (this.text[this.at] !== (frame.keys ? '}' : ']')) {
          path = this.member(frame);
          continue;
        }
        this.at++;
        this.stack.pop();
      } else if (c === '"') this.string();
      else this.scalar();
      // After a value: close what is finished, or go on to the next member.
      for (;;) {
        this.skipSpace();
        const frame = this.stack[this.stack.length - 1];
        if (!frame) {
          if (this.at < this.text.length) this.fail('text after the end of the JSON value');
          return;
        }
        const close = frame.keys ? '}' : ']';
        const next = this.text[this.at];
        if (next === ',') {
          this.at++;
          this.skipSpace();
          frame.index++;
          path = this.member(frame);
          break;
        }
        if (next !== close) this.fail(this.at >= this.text.length ? 'the text ends inside an object or array' : `expected "," or "${close}"`);
        this.at++;
        this.stack.pop();
      }
    }
  }

  /** Starts the next member of an object (its key) or array; returns the member's path. */
  private member(frame: Frame): string {
    return frame.keys ? joinPath(frame.path, this.key(frame)) : `${frame.path}[${frame.index}]`;
  }
}

/** Keys come from the file: keep a message about one short, whatever its length. */
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

const joinPath = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/** Parses `text` as strict JSON: a syntax error or a repeated key is an error that says where. */
export function parseStrictJson(text: string): StrictJsonResult {
  try {
    new Scanner(text).scan();
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, error: err.message };
    throw err;
  }
  return { ok: true, value: JSON.parse(text) as unknown };
}
