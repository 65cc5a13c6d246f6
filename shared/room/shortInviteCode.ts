// The short invite code: 128 random bits (K) and a 20-bit check, 30 Crockford base32 symbols
// read aloud in six groups of five (`7Z3K1-…`, 35 characters). The code holds no room data; K
// finds and opens the full invite the facilitator's app left, encrypted, on the room's server
// (shortInviteBox.ts, docs/short-invites.md).
//
// The check is a CRC over the 5-bit symbols (generator x^20 + x^3 + 1), seeded with the code's
// version symbol. A CRC of degree 20 detects every error burst of up to 20 bits, so every
// single mistyped symbol (5 bits) and every swap of two neighbours (10 bits) is caught, never
// sent to a server; other errors slip through with odds of 1 in 2^20, and then the lookup finds
// nothing. A code of another version fails the check the same way.
import { decodeBase32, encodeBase32 } from './base32';
import { InviteError } from './inviteErrors';
import { webCryptoRandomBytes, type RandomBytes } from './roomSecret';

export const shortInviteKeyBytes = 16;
/** Symbols that carry K: 128 bits fill 26 symbols (the last two bits are zero). */
const keySymbols = 26;
const checkSymbols = 4;
export const shortInviteSymbols = keySymbols + checkSymbols;
const groupSize = 5;
/** The version symbol the check is seeded with; a later format changes it. */
const version = 1;

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const crcPoly = 0x00009; // x^20 + x^3 + 1, without the x^20 term
const crcMask = 0xfffff;

function symbolValues(text: string): number[] {
  return Array.from(text, (c) => alphabet.indexOf(c));
}

/** CRC-20 over 5-bit symbols, most significant bit first. */
function check(symbols: readonly number[]): number {
  let crc = 0;
  for (const s of [version, ...symbols]) {
    for (let bit = 4; bit >= 0; bit--) {
      const top = ((crc >>> 19) & 1) ^ ((s >>> bit) & 1);
      crc = (crc << 1) & crcMask;
      if (top) crc ^= crcPoly;
    }
  }
  return crc;
}

function checkText(crc: number): string {
  let out = '';
  for (let i = checkSymbols - 1; i >= 0; i--) out += alphabet[(crc >>> (5 * i)) & 31];
  return out;
}

/** The code to read aloud for the key `key` (16 bytes). */
export function formatShortInviteCode(key: Uint8Array): string {
  if (key.length !== shortInviteKeyBytes) throw new Error('a short invite key is 16 bytes');
  const keyText = encodeBase32(key);
  const text = keyText + checkText(check(symbolValues(keyText)));
  return text.match(new RegExp(`.{1,${groupSize}}`, 'g'))?.join('-') ?? '';
}

export function createShortInviteKey(randomBytes: RandomBytes = webCryptoRandomBytes): Uint8Array {
  const key = randomBytes(shortInviteKeyBytes);
  if (key.length !== shortInviteKeyBytes) throw new Error('random source returned the wrong length');
  return key;
}

/** The code's symbols, uppercase and with look-alikes mapped, if `input` has the shape of a short
 * code (alone, or as the browser host's `#/join/<code>` route); else null. */
function shortSymbols(input: string): string | null {
  let text = input.trim();
  const route = /^(?:https?:\/\/[^\s#?/]+(?:\/[^\s#?]*)?(?:\?[^\s#]*)?)?#?\/join\/([A-Za-z0-9-]+)$/i.exec(text);
  if (route) text = route[1] ?? '';
  if (!/^[A-Za-z0-9\s-]+$/.test(text)) return null;
  const bare = text.replace(/[\s-]+/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return bare.length === shortInviteSymbols ? bare : null;
}

/** True when `input` is meant as a short code (30 symbols), whether or not it checks out; a
 * long invite is at least 77 characters, so the two never meet. */
export function looksLikeShortInviteCode(input: unknown): boolean {
  return typeof input === 'string' && input.length <= 2048 && shortSymbols(input) !== null;
}

/** K from a typed code; throws InviteError 'malformed' (not a code) or 'tampered' (a typo). */
export function parseShortInviteCode(input: unknown): Uint8Array {
  if (typeof input !== 'string' || input.length > 2048) throw new InviteError('malformed');
  const bare = shortSymbols(input);
  if (bare === null) throw new InviteError('malformed');
  if (/[^0-9A-Z]/.test(bare) || /U/.test(bare)) throw new InviteError('tampered');
  const keyText = bare.slice(0, keySymbols);
  if (checkText(check(symbolValues(keyText))) !== bare.slice(keySymbols)) throw new InviteError('tampered');
  const decoded = decodeBase32(keyText);
  if (!decoded.ok || decoded.bytes.length !== shortInviteKeyBytes) throw new InviteError('tampered');
  return decoded.bytes;
}
