// The relay's keys and frames. The room secret never reaches the server: a relay key is derived
// from it with HKDF-SHA256 under a label of its own (so it is never the key y-webrtc derives for
// signaling), and every frame is AES-GCM with a fresh random IV. The topics are digests of the
// room topic (itself a digest of workshop and secret, renderer/src/features/room/roomTopic.ts),
// so the server sees random names and ciphertext only.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64url, toBase64url, toHex, utf8 } from '../crypto/bytes';
import { MAX_FRAME_CHARS } from './relayLimits';

const FRAME_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The slice of WebCrypto (browser, Node 20) the relay uses; shared/ has no DOM types. */
interface SubtleLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'AES-GCM' }, extractable: boolean, usages: string[]): Promise<unknown>;
  encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
interface CryptoLike {
  readonly subtle: SubtleLike;
  getRandomValues(array: Uint8Array): Uint8Array;
}

function webCrypto(): CryptoLike {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c?.subtle) throw new Error('No WebCrypto: globalThis.crypto.subtle is missing');
  return c;
}

/** An AES-GCM key for one room's relay; opaque outside this module. */
export interface RelayKey {
  readonly cryptoKey: unknown;
}

export async function deriveRelayKey(secret: string, roomTopic: string): Promise<RelayKey> {
  const raw = hkdf(sha256, utf8(secret), utf8(`bridgeboard-relay-v1\n${roomTopic}`), utf8('bridgeboard relay frame key'), 32);
  return { cryptoKey: await webCrypto().subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']) };
}

/** The room's broadcast topic on the signaling server. */
export const relayTopic = (roomTopic: string): string => toHex(sha256(utf8(`bridgeboard-relay-topic-v1\n${roomTopic}`))).slice(0, 32);

/** A peer's own topic: answers meant for it alone go there, so they are not fanned out to the room. */
export const inboxTopic = (broadcastTopic: string, peerId: string): string => toHex(sha256(utf8(`${broadcastTopic}\n${peerId}`))).slice(0, 32);

export async function sealFrame(key: RelayKey, plaintext: Uint8Array): Promise<string> {
  const c = webCrypto();
  const iv = c.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(await c.subtle.encrypt({ name: 'AES-GCM', iv }, key.cryptoKey, plaintext));
  const frame = new Uint8Array(1 + IV_BYTES + cipher.length);
  frame[0] = FRAME_VERSION;
  frame.set(iv, 1);
  frame.set(cipher, 1 + IV_BYTES);
  return toBase64url(frame);
}

export type OpenedFrame = { readonly ok: true; readonly plaintext: Uint8Array } | { readonly ok: false; readonly why: 'malformed' | 'oversized' | 'undecryptable' };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Checks a frame's size and form before it is decrypted, then decrypts it. Never throws. */
export async function openFrame(key: RelayKey, data: unknown): Promise<OpenedFrame> {
  if (typeof data !== 'string') return { ok: false, why: 'malformed' };
  if (data.length > MAX_FRAME_CHARS) return { ok: false, why: 'oversized' };
  if (!BASE64URL.test(data)) return { ok: false, why: 'malformed' };
  let frame: Uint8Array;
  try {
    frame = fromBase64url(data);
  } catch {
    return { ok: false, why: 'malformed' };
  }
  if (frame.length < 1 + IV_BYTES + TAG_BYTES || frame[0] !== FRAME_VERSION) return { ok: false, why: 'malformed' };
  try {
    const plain = await webCrypto().subtle.decrypt({ name: 'AES-GCM', iv: frame.subarray(1, 1 + IV_BYTES) }, key.cryptoKey, frame.subarray(1 + IV_BYTES));
    return { ok: true, plaintext: new Uint8Array(plain) };
  } catch {
    return { ok: false, why: 'undecryptable' };
  }
}
