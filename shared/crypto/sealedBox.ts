// A message sealed to an X25519 public key (ECIES): an ephemeral X25519 key, HKDF-SHA256 for a
// keystream and a MAC key, XOR, and an HMAC-SHA256 tag. `context` is bound into the keys, so a
// box opened under any other context (another workshop, round or recipient) does not open.
// Hidden ballots are sealed to a vote round's key; the round's secret is sealed to each
// co-facilitator's box key so that any of them can reveal the vote.
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { concatBytes, constantTimeEqual, fromBase64url, toBase64url, utf8 } from './bytes';

const KEY = /^[A-Za-z0-9_-]{43}$/;

export const sealedBoxSchema = z.object({ eph: z.string().regex(KEY), ct: z.string().max(16_000), tag: z.string().regex(KEY) }).strict();
export type SealedBox = z.infer<typeof sealedBoxSchema>;

export interface BoxKeys {
  readonly publicKey: string;
  readonly secretKey: string;
}

export function createBoxKeys(): BoxKeys {
  const secret = x25519.utils.randomSecretKey();
  return { secretKey: toBase64url(secret), publicKey: toBase64url(x25519.getPublicKey(secret)) };
}

/** True when `secretKey` is the secret half of `publicKey`. */
export function boxKeysMatch(publicKey: string, secretKey: string): boolean {
  try {
    return constantTimeEqual(x25519.getPublicKey(fromBase64url(secretKey)), fromBase64url(publicKey));
  } catch {
    return false;
  }
}

function derive(shared: Uint8Array, eph: Uint8Array, recipient: Uint8Array, context: string, length: number) {
  const okm = hkdf(sha256, shared, concatBytes(eph, recipient), utf8(context), 32 + length);
  return { mac: okm.slice(0, 32), stream: okm.slice(32) };
}

const xor = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((v, i) => v ^ (b[i] ?? 0));

export function sealBox(recipientPublicKey: string, plain: Uint8Array, context: string): SealedBox {
  const recipient = fromBase64url(recipientPublicKey);
  const ephSecret = x25519.utils.randomSecretKey();
  const eph = x25519.getPublicKey(ephSecret);
  const { mac, stream } = derive(x25519.getSharedSecret(ephSecret, recipient), eph, recipient, context, plain.length);
  const ct = xor(plain, stream);
  return { eph: toBase64url(eph), ct: toBase64url(ct), tag: toBase64url(hmac(sha256, mac, ct)) };
}

/** The sealed bytes, or null if the box was altered, is for another key, or another context. */
export function openBox(recipientSecretKey: string, recipientPublicKey: string, box: unknown, context: string): Uint8Array | null {
  const parsed = sealedBoxSchema.safeParse(box);
  if (!parsed.success) return null;
  try {
    const eph = fromBase64url(parsed.data.eph);
    const ct = fromBase64url(parsed.data.ct);
    const shared = x25519.getSharedSecret(fromBase64url(recipientSecretKey), eph);
    const { mac, stream } = derive(shared, eph, fromBase64url(recipientPublicKey), context, ct.length);
    if (!constantTimeEqual(hmac(sha256, mac, ct), fromBase64url(parsed.data.tag))) return null;
    return xor(ct, stream);
  } catch {
    return null;
  }
}
