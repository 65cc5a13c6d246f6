// Crockford base32: digits and capitals without I, L, O, U, so a typed code survives
// handwriting and reading aloud; decoding forgives case and the look-alikes O/0 and I/L/1.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const decodeMap: Record<string, number> = {};
for (let i = 0; i < alphabet.length; i++) {
  const ch = alphabet[i] ?? '';
  decodeMap[ch] = i;
  decodeMap[ch.toLowerCase()] = i;
}
for (const [ch, v] of [['O', 0], ['o', 0], ['I', 1], ['i', 1], ['L', 1], ['l', 1]] as const) decodeMap[ch] = v;

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = ((buffer << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

export type Base32Result = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: 'alphabet' | 'length' | 'padding' };

/** Decodes unseparated base32; callers strip group separators first. */
export function decodeBase32(text: string): Base32Result {
  // Lengths 1, 3 and 6 mod 8 can never come from whole bytes: a truncated code.
  if ([1, 3, 6].includes(text.length % 8)) return { ok: false, reason: 'length' };
  const bytes = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let i = 0;
  for (const ch of text) {
    const v = decodeMap[ch];
    if (v === undefined) return { ok: false, reason: 'alphabet' };
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[i++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return { ok: false, reason: 'padding' };
  return { ok: true, bytes };
}
