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
import { verifyEd25519 } from '../crypto/ed25519';
import { openBox, sealBox, sealedBoxSchema, type SealedBox } from '../crypto/sealedBox';
import { canonicalDigest } from '../charter/canonicalJson';
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

// Signed ballots (every round since schema 3). Each ballot is sealed to the round's key and
// signed with the voter's identity key over the workshop, round, voter, a revision number and
// the sealed box's digest; it is stored under its own key ("v:<round>:<voter>:<n>"), which the
// guard never lets change. A peer can therefore neither forge a ballot nor replace one: the
// voter's newest valid revision counts, and only the voter can make a newer one.

export const BALLOT_DOMAIN = 'bridgeboard-ballot-v1';
export const MAX_BALLOT_REVISION = 10_000;

export interface BallotSigningInput {
  readonly workshopId: string;
  readonly roundId: string;
  readonly voterId: string;
  /** 1, 2, 3…: the voter's revisions of their ballot in this round. */
  readonly n: number;
  /** Lower-case hex SHA-256 of the canonical JSON of the sealed box. */
  readonly boxDigest: string;
}

/** UTF-8 of: domain "\n" workshopId "\n" roundId "\n" voterId "\n" n "\n" boxDigest. */
export function ballotMessage(input: BallotSigningInput): Uint8Array {
  for (const part of [input.workshopId, input.roundId, input.voterId, input.boxDigest]) {
    if (part.length === 0 || part.includes('\n')) throw new Error('ballot fields must be one non-empty line');
  }
  if (!Number.isSafeInteger(input.n) || input.n < 1 || input.n > MAX_BALLOT_REVISION) throw new Error('n must be a revision number');
  if (!/^[0-9a-f]{64}$/.test(input.boxDigest)) throw new Error('box digest must be 64 lower-case hex characters');
  return utf8([BALLOT_DOMAIN, input.workshopId, input.roundId, input.voterId, String(input.n), input.boxDigest].join('\n'));
}

const signedBallotSchema = z
  .object({
    v: z.literal(2),
    voterId: z.string().min(1).max(100),
    n: z.number().int().min(1).max(MAX_BALLOT_REVISION),
    box: sealedBoxSchema,
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();
export type SignedBallot = z.infer<typeof signedBallotSchema>;

const boxContext = (ctx: BallotContext): string => [BALLOT_DOMAIN, ctx.workshopId, ctx.roundId, ctx.voterId].join('\n');

/** The dots sealed to the round's key, for this voter only. */
export function sealDots(roundPublicKey: string, dots: Dots, ctx: BallotContext): SealedBox {
  const plain = utf8(JSON.stringify(dots));
  if (plain.length > BALLOT_MAX_BYTES) throw new Error('A ballot has too many cards.');
  return sealBox(roundPublicKey, plain, boxContext(ctx));
}

export const boxDigest = (box: SealedBox): string => canonicalDigest(box);

export function ballotSigningInput(ctx: BallotContext, n: number, box: SealedBox): BallotSigningInput {
  return { ...ctx, n, boxDigest: boxDigest(box) };
}

/** A signed ballot as the doc stores it. */
export const signedBallotEntry = (ballot: SignedBallot): string => JSON.stringify(ballot);

/**
 * The ballot in `entry` if it is a signed ballot by `voterKey` for exactly this workshop, round,
 * voter and revision; null for anything else (unsigned, forged, copied from elsewhere).
 */
export function checkSignedBallot(entry: unknown, ctx: BallotContext, n: number, voterKey: string | null): SignedBallot | null {
  if (typeof entry !== 'string' || entry.length > BALLOT_MAX_BYTES * 3 || voterKey === null) return null;
  let parsed: SignedBallot;
  try {
    const result = signedBallotSchema.safeParse(JSON.parse(entry));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  if (parsed.voterId !== ctx.voterId || parsed.n !== n || parsed.publicKey !== voterKey) return null;
  try {
    return verifyEd25519(fromBase64url(parsed.publicKey), ballotMessage(ballotSigningInput(ctx, n, parsed.box)), fromBase64url(parsed.signature)) ? parsed : null;
  } catch {
    return null;
  }
}

/** The dots of a signed ballot, opened with the round's secret; null if it does not open or read. */
export function openDots(roundSecretKey: string, roundPublicKey: string, ballot: SignedBallot, ctx: BallotContext): Dots | null {
  const plain = openBox(roundSecretKey, roundPublicKey, ballot.box, boxContext(ctx));
  if (!plain) return null;
  try {
    const dots = dotsSchema.safeParse(JSON.parse(fromUtf8(plain)));
    return dots.success ? dots.data : null;
  } catch {
    return null;
  }
}
