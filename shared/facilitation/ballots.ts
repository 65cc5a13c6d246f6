// Hidden dot votes. A vote round has an X25519 key pair made by the facilitator's app; the
// public half is in the signed "voting.start", the secret half stays on the facilitator's
// device until the signed "voting.reveal" publishes it. Each ballot is encrypted to the round
// key (ephemeral X25519, HKDF-SHA256 keystream, HMAC-SHA256 tag), so before the reveal no peer,
// and no copy of the doc, shows who put dots where. Only a ballot's voter and side are visible.
import { z } from 'zod';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, constantTimeEqual, fromBase64url, fromUtf8, toBase64url, toHex, utf8 } from '../crypto/bytes';
import { SIDES, type Side } from '../board';

export const BALLOT_MAX_BYTES = 4000;
const DOMAIN = 'bridgeboard-ballot-v1';

export interface RoundKeys {
  readonly publicKey: string;
  readonly secretKey: string;
}

export function createRoundKeys(): RoundKeys {
  const secret = x25519.utils.randomSecretKey();
  return { secretKey: toBase64url(secret), publicKey: toBase64url(x25519.getPublicKey(secret)) };
}

/** True when `secretKey` is the secret half of `publicKey` (a reveal must publish the right key). */
export function keysMatch(publicKey: string, secretKey: string): boolean {
  try {
    return constantTimeEqual(x25519.getPublicKey(fromBase64url(secretKey)), fromBase64url(publicKey));
  } catch {
    return false;
  }
}

/** Which card gets how many dots. */
export type Dots = Readonly<Record<string, number>>;

export interface BallotContext {
  readonly workshopId: string;
  readonly roundId: string;
  readonly voterId: string;
}

const ballotSchema = z
  .object({
    voterId: z.string().min(1).max(100),
    side: z.enum(SIDES),
    eph: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    ct: z.string().max(Math.ceil((BALLOT_MAX_BYTES * 4) / 3) + 4),
    tag: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();
export type Ballot = z.infer<typeof ballotSchema>;

const dotsSchema = z.record(z.string().min(1).max(100), z.number().int().min(1).max(100));

function keys(shared: Uint8Array, eph: Uint8Array, roundPublic: Uint8Array, ctx: BallotContext, length: number) {
  // The voter id is bound into the keys: a ballot copied under someone else's name will not open.
  const info = utf8([DOMAIN, ctx.workshopId, ctx.roundId, ctx.voterId].join('\n'));
  const okm = hkdf(sha256, shared, concatBytes(eph, roundPublic), info, 32 + length);
  return { mac: okm.slice(0, 32), stream: okm.slice(32) };
}

const xor = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((v, i) => v ^ (b[i] ?? 0));

export function encryptBallot(roundPublicKey: string, side: Side, dots: Dots, ctx: BallotContext): Ballot {
  const plain = utf8(JSON.stringify(dots));
  if (plain.length > BALLOT_MAX_BYTES) throw new Error('A ballot has too many cards.');
  const roundPublic = fromBase64url(roundPublicKey);
  const ephSecret = x25519.utils.randomSecretKey();
  const eph = x25519.getPublicKey(ephSecret);
  const { mac, stream } = keys(x25519.getSharedSecret(ephSecret, roundPublic), eph, roundPublic, ctx, plain.length);
  const ct = xor(plain, stream);
  return { voterId: ctx.voterId, side, eph: toBase64url(eph), ct: toBase64url(ct), tag: toBase64url(hmac(sha256, mac, ct)) };
}

/** The ballot's dots, or null if it does not parse, was altered, or is not for this round. */
export function decryptBallot(roundSecretKey: string, roundPublicKey: string, entry: unknown, ctx: Omit<BallotContext, 'voterId'>): Dots | null {
  const parsed = parseBallot(entry);
  if (!parsed) return null;
  try {
    const eph = fromBase64url(parsed.eph);
    const ct = fromBase64url(parsed.ct);
    const roundPublic = fromBase64url(roundPublicKey);
    const shared = x25519.getSharedSecret(fromBase64url(roundSecretKey), eph);
    const { mac, stream } = keys(shared, eph, roundPublic, { ...ctx, voterId: parsed.voterId }, ct.length);
    if (!constantTimeEqual(hmac(sha256, mac, ct), fromBase64url(parsed.tag))) return null;
    const dots = dotsSchema.safeParse(JSON.parse(fromUtf8(xor(ct, stream))));
    return dots.success ? dots.data : null;
  } catch {
    return null;
  }
}

export function parseBallot(entry: unknown): Ballot | null {
  if (typeof entry !== 'string' || entry.length > BALLOT_MAX_BYTES * 2) return null;
  try {
    const parsed = ballotSchema.safeParse(JSON.parse(entry));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The digest a reveal lists for a ballot that counts. */
export const ballotDigest = (entry: string): string => toHex(sha256(utf8(entry)));

export const dotsUsed = (dots: Dots): number => Object.values(dots).reduce((n, d) => n + d, 0);
