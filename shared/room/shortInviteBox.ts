// What a short code's key K opens: from K, HKDF-SHA256 derives a lookup id L (what the room's
// server files the invite under) and an AES-256-GCM key (what seals it). The server stores and
// returns the sealed box by L and never sees K, the key or the invite: L is a one-way function
// of K, and the box is authenticated, so a server or a man in the middle can withhold or break
// an invite but not forge or alter one, nor the certificate fingerprint it carries.
//
// Box layout: version u8 (1) | nonce (12 bytes) | AES-GCM ciphertext and tag; AAD = L. The plain
// text is the full invite's code (UTF-8), read back with parseInvite and all its checks.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64url, fromUtf8, toBase64url, utf8 } from '../crypto/bytes';
import { formatInviteCode, maxInviteBytes, type Invite } from './invite';
import { webCryptoRandomBytes, type RandomBytes } from './roomSecret';
import { shortInviteKeyBytes } from './shortInviteCode';

const salt = utf8('bridgeboard.shortInvite/1');
const boxVersion = 1;
const nonceBytes = 12;
const tagBytes = 16;
export const inviteIdLength = 22;
export const inviteIdPattern = /^[A-Za-z0-9_-]{22}$/;
/** Largest box an invite makes: its code (base32 of at most maxInviteBytes, with dashes). */
const maxCodeChars = Math.ceil((maxInviteBytes * 8) / 5);
export const maxInviteBoxBytes = 1 + nonceBytes + maxCodeChars + Math.ceil(maxCodeChars / 5) + tagBytes;
/** The same as base64url text, as it travels to and from the server. */
export const maxInviteBoxLength = Math.ceil((maxInviteBoxBytes * 4) / 3);

/** The slice of WebCrypto (browser, Node 20+) this module uses; shared/ has no DOM types. */
interface SubtleLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: 'AES-GCM', extractable: false, usages: readonly ('encrypt' | 'decrypt')[]): Promise<unknown>;
  encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): SubtleLike {
  const s = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here (a browser needs a secure context: https)');
  return s;
}

export interface ShortInviteKeys {
  /** The lookup id, base64url of 16 bytes: all the server ever learns. */
  readonly id: string;
  readonly aesKey: Uint8Array;
}

export function deriveShortInviteKeys(key: Uint8Array): ShortInviteKeys {
  if (key.length !== shortInviteKeyBytes) throw new Error('a short invite key is 16 bytes');
  return {
    id: toBase64url(hkdf(sha256, key, salt, utf8('lookup id'), 16)),
    aesKey: hkdf(sha256, key, salt, utf8('invite box key'), 32),
  };
}

/** The invite sealed under K, base64url, for the server to keep under `deriveShortInviteKeys(K).id`. */
export async function sealInvite(invite: Invite, key: Uint8Array, randomBytes: RandomBytes = webCryptoRandomBytes): Promise<string> {
  const { id, aesKey } = deriveShortInviteKeys(key);
  const nonce = randomBytes(nonceBytes);
  const cryptoKey = await subtle().importKey('raw', aesKey, 'AES-GCM', false, ['encrypt']);
  const sealed = await subtle().encrypt({ name: 'AES-GCM', iv: nonce, additionalData: fromBase64url(id) }, cryptoKey, utf8(formatInviteCode(invite)));
  return toBase64url(concatBytes(Uint8Array.of(boxVersion), nonce, new Uint8Array(sealed)));
}

/** The invite's code from a box, or null when the box is not one K sealed (altered, another
 * code's, another version, not base64url). */
export async function openInviteBox(box: unknown, key: Uint8Array): Promise<string | null> {
  if (typeof box !== 'string' || box.length > maxInviteBoxLength) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64url(box);
  } catch {
    return null;
  }
  if (bytes.length < 1 + nonceBytes + tagBytes || bytes[0] !== boxVersion) return null;
  const { id, aesKey } = deriveShortInviteKeys(key);
  try {
    const cryptoKey = await subtle().importKey('raw', aesKey, 'AES-GCM', false, ['decrypt']);
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: bytes.subarray(1, 1 + nonceBytes), additionalData: fromBase64url(id) }, cryptoKey, bytes.subarray(1 + nonceBytes));
    return fromUtf8(new Uint8Array(plain));
  } catch {
    return null;
  }
}
