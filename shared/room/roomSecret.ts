// Room secrets: 128 random bits, written in base32 so they can travel in a typed code. The
// secret is y-webrtc's `password`; the signaling server never sees it.
import { decodeBase32, encodeBase32 } from './base32';

export const roomSecretBytes = 16;
export const maxRoomSecretBytes = 32;

export type RandomBytes = (length: number) => Uint8Array;

/** shared/ has no DOM types; this is the slice of WebCrypto (browser, Node 20) we use. */
interface CryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array;
}

export const webCryptoRandomBytes: RandomBytes = (length) => {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c) throw new Error('No secure random source: globalThis.crypto is missing');
  return c.getRandomValues(new Uint8Array(length));
};

export function createRoomSecret(randomBytes: RandomBytes = webCryptoRandomBytes): string {
  const bytes = randomBytes(roomSecretBytes);
  if (bytes.length !== roomSecretBytes) throw new Error('random source returned the wrong length');
  return encodeBase32(bytes);
}

/** The secret's bytes, or undefined unless it is 16-32 bytes of valid base32. */
export function roomSecretToBytes(secret: string): Uint8Array | undefined {
  if (secret.length > 64) return undefined;
  const decoded = decodeBase32(secret);
  if (!decoded.ok || decoded.bytes.length < roomSecretBytes || decoded.bytes.length > maxRoomSecretBytes) return undefined;
  // Only the canonical spelling counts, so one secret has one password string.
  return encodeBase32(decoded.bytes) === secret ? decoded.bytes : undefined;
}
