// Hidden dot votes. A vote round has an X25519 key pair made by the app that starts it; the
// public half is in the signed "voting.start", the secret half stays with whoever may reveal the
// vote until the signed "voting.reveal" publishes it. Each ballot's dots are sealed to the round
// key (crypto/sealedBox.ts), so before the reveal no peer, and no copy of the doc, shows who put
// dots where. Only a ballot's voter and side are visible.
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64url, fromUtf8, toHex, utf8 } from '../crypto/bytes';
import { verifyEd25519 } from '../crypto/ed25519';
import { boxKeysMatch, createBoxKeys, openBox, sealBox, sealedBoxSchema, type SealedBox } from '../crypto/sealedBox';
import { canonicalDigest } from '../charter/canonicalJson';
import { SIDES, type Side } from '../board';

export const BALLOT_MAX_BYTES = 4000;
export const BALLOT_DOMAIN = 'bridgeboard-ballot-v1';

export interface RoundKeys {
  readonly publicKey: string;
  readonly secretKey: string;
}

/** A round's key pair: an X25519 box key pair (crypto/sealedBox.ts). */
export const createRoundKeys = (): RoundKeys => createBoxKeys();

/** True when `secretKey` is the secret half of `publicKey` (a reveal must publish the right key). */
export const keysMatch = (publicKey: string, secretKey: string): boolean => boxKeysMatch(publicKey, secretKey);

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

// The voter id is bound into the box's keys: a ballot copied under someone else's name will not
// open. Unsigned ballots (rounds before schema 3) and signed ones seal their dots the same way.
const boxContext = (ctx: BallotContext): string => [BALLOT_DOMAIN, ctx.workshopId, ctx.roundId, ctx.voterId].join('\n');

function readDots(plain: Uint8Array | null): Dots | null {
  if (!plain) return null;
  try {
    const dots = dotsSchema.safeParse(JSON.parse(fromUtf8(plain)));
    return dots.success ? dots.data : null;
  } catch {
    return null;
  }
}

/** The dots sealed to the round's key, for this voter only. */
export function sealDots(roundPublicKey: string, dots: Dots, ctx: BallotContext): SealedBox {
  const plain = utf8(JSON.stringify(dots));
  if (plain.length > BALLOT_MAX_BYTES) throw new Error('A ballot has too many cards.');
  return sealBox(roundPublicKey, plain, boxContext(ctx));
}

/** An unsigned ballot, as rounds started before schema 3 take them. */
export function encryptBallot(roundPublicKey: string, side: Side, dots: Dots, ctx: BallotContext): Ballot {
  return { voterId: ctx.voterId, side, ...sealDots(roundPublicKey, dots, ctx) };
}

/** The ballot's dots, or null if it does not parse, was altered, or is not for this round. */
export function decryptBallot(roundSecretKey: string, roundPublicKey: string, entry: unknown, ctx: Omit<BallotContext, 'voterId'>): Dots | null {
  const parsed = parseBallot(entry);
  if (!parsed) return null;
  const { eph, ct, tag } = parsed;
  return readDots(openBox(roundSecretKey, roundPublicKey, { eph, ct, tag }, boxContext({ ...ctx, voterId: parsed.voterId })));
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
  return readDots(openBox(roundSecretKey, roundPublicKey, ballot.box, boxContext(ctx)));
}
