// Reading a charter bundle from the JSON text a file carries (the JSON export, the Markdown's
// final block, the PDF's attachment), the same way for all three: the size limit, strict JSON
// (no key named twice), the bundle schema, then the signature limit. Each refusal says which
// part of the file it is about.
import { parseBundle, type ParseResult } from './bundleSchema';
import { parseStrictJson } from './strictJson';
import { overLimit, type VerifyLimits } from './verifyLimits';

/**
 * `source` names the text in the messages ("the JSON file", "the charter-bundle.json
 * attachment"); `byteLength` is its size in UTF-8.
 */
export function readBundleText(text: string, byteLength: number, source: string, limits: VerifyLimits): ParseResult {
  if (byteLength > limits.maxBundleBytes) {
    const over = overLimit(byteLength, limits.maxBundleBytes);
    return { ok: false, error: `${source} is ${over.size}; a charter bundle is at most ${over.limit}, so it was not read` };
  }
  const json = parseStrictJson(text);
  if (!json.ok) return { ok: false, error: `${source} is not strict JSON: ${json.error}` };
  const parsed = parseBundle(json.value);
  if (!parsed.ok) return { ok: false, error: `${source} is ${parsed.error}` };
  const count = parsed.bundle.signatures.length;
  if (count > limits.maxSignatures) {
    return { ok: false, error: `${source} has ${count} signatures; a verifier checks at most ${limits.maxSignatures}, so it was not read` };
  }
  return parsed;
}

/** The UTF-8 size of a string, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}
