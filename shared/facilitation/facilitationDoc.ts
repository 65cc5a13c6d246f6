// Where facilitation lives in the Y.Doc: one flat Y.Map at the root "facilitation". Signed
// actions are entries "a:<seq>:<signature prefix>", signed ballots
// "v:<round>:<voter>:<n>:<signature prefix>", and from older versions unsigned ballots
// "b:<round>:<voter>" and the facilitator's claim "authority" (the facilitator's key is in the
// meta since schema 3). Flat keys rather than nested Yjs types, because two peers creating
// the same nested type at once would lose one of them.
import type * as Y from 'yjs';
import { docRoot } from '../doc/roots';
import { z } from 'zod';
import { signedBallotEntry, type Ballot, type SignedBallot } from './ballots';
import { encodeSignedAction, type SignedAction } from './signedAction';

export const facilitationMap = (doc: Y.Doc): Y.Map<unknown> => docRoot(doc, 'facilitation');

export const ACTION_PREFIX = 'a:';
export const BALLOT_PREFIX = 'b:';
/** Signed ballots (ballots.ts): "v:<round>:<voter>:<revision>", written once each. */
export const SIGNED_BALLOT_PREFIX = 'v:';
const AUTHORITY_KEY = 'authority';

export function writeSignedAction(doc: Y.Doc, signed: SignedAction, origin: unknown = null): void {
  doc.transact(() => facilitationMap(doc).set(`${ACTION_PREFIX}${signed.seq}:${signed.signature.slice(0, 16)}`, encodeSignedAction(signed)), origin);
}

/** Every action entry, as stored (unparsed: checking is facilitationState's job). */
export function readActionEntries(doc: Y.Doc): [string, unknown][] {
  const out: [string, unknown][] = [];
  facilitationMap(doc).forEach((value, key) => {
    if (key.startsWith(ACTION_PREFIX)) out.push([key, value]);
  });
  return out;
}

export const ballotKey = (roundId: string, voterId: string): string => `${BALLOT_PREFIX}${roundId}:${voterId}`;

/** A ballot as the doc stores it. */
export const ballotEntry = (ballot: Ballot): string => JSON.stringify(ballot);

export function writeBallot(doc: Y.Doc, roundId: string, ballot: Ballot, origin: unknown = null): void {
  doc.transact(() => facilitationMap(doc).set(ballotKey(roundId, ballot.voterId), ballotEntry(ballot)), origin);
}

/** The stored ballots of a round, by voter id as the key says. */
export function readBallotEntries(doc: Y.Doc, roundId: string): Map<string, unknown> {
  const prefix = `${BALLOT_PREFIX}${roundId}:`;
  const out = new Map<string, unknown>();
  facilitationMap(doc).forEach((value, key) => {
    if (key.startsWith(prefix)) out.set(key.slice(prefix.length), value);
  });
  return out;
}

/**
 * "v:<round>:<voter>:<n>:<signature prefix>": the signature's prefix in the key means nobody
 * can take the key a voter's next ballot will be written under before they write it.
 */
export const signedBallotKey = (roundId: string, voterId: string, ballot: Pick<SignedBallot, 'n' | 'signature'>): string =>
  `${SIGNED_BALLOT_PREFIX}${roundId}:${voterId}:${ballot.n}:${ballot.signature.slice(0, 16)}`;

export function writeSignedBallot(doc: Y.Doc, roundId: string, ballot: SignedBallot, origin: unknown = null): void {
  const key = signedBallotKey(roundId, ballot.voterId, ballot);
  doc.transact(() => {
    const map = facilitationMap(doc);
    if (!map.has(key)) map.set(key, signedBallotEntry(ballot));
  }, origin);
}

/** One stored signed ballot, as its key names it (unchecked: voteResults checks). */
export interface SignedBallotEntry {
  readonly n: number;
  readonly entry: unknown;
}

/** The stored signed ballots of a round, by voter id as the keys say. */
export function readSignedBallotEntries(doc: Y.Doc, roundId: string): Map<string, SignedBallotEntry[]> {
  const prefix = `${SIGNED_BALLOT_PREFIX}${roundId}:`;
  const out = new Map<string, SignedBallotEntry[]>();
  facilitationMap(doc).forEach((value, key) => {
    if (!key.startsWith(prefix)) return;
    const parts = key.slice(prefix.length).split(':');
    const n = Number(parts[1]);
    if (parts.length !== 3 || !parts[0] || !Number.isSafeInteger(n)) return;
    const list = out.get(parts[0]) ?? [];
    list.push({ n, entry: value });
    out.set(parts[0], list);
  });
  return out;
}

const authoritySchema = z
  .object({
    publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    participantId: z.string().min(1).max(100),
    name: z.string().min(1).max(80),
  })
  .strict();
export type AuthorityClaim = z.infer<typeof authoritySchema>;

/** The facilitator's key as written into the workshop when they opened the room. */
export function readAuthorityClaim(doc: Y.Doc): AuthorityClaim | null {
  const raw = facilitationMap(doc).get(AUTHORITY_KEY);
  if (typeof raw !== 'string') return null;
  try {
    const parsed = authoritySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeAuthorityClaim(doc: Y.Doc, claim: AuthorityClaim, origin: unknown = null): void {
  const clean = authoritySchema.parse(claim);
  doc.transact(() => facilitationMap(doc).set(AUTHORITY_KEY, JSON.stringify(clean)), origin);
}

/** The workshop's facilitator as its meta names them (schema 3), else as the older claim did. */
export function readFacilitatorKey(doc: Y.Doc): { readonly publicKey: string; readonly participantId: string | null } | null {
  const meta = docRoot(doc, 'meta');
  const key = meta.get('facilitatorKey');
  const id = meta.get('facilitatorId');
  if (typeof key === 'string' && /^[A-Za-z0-9_-]{43}$/.test(key)) return { publicKey: key, participantId: typeof id === 'string' ? id : null };
  const claim = readAuthorityClaim(doc);
  return claim ? { publicKey: claim.publicKey, participantId: claim.participantId } : null;
}

/** Fixes the workshop's facilitator key, unless one is fixed already (it never changes). */
export function fixFacilitatorKey(doc: Y.Doc, publicKey: string, participantId: string, origin: unknown = null): void {
  if (!/^[A-Za-z0-9_-]{43}$/.test(publicKey) || !/^[A-Za-z0-9_-]{1,100}$/.test(participantId)) throw new Error('not a facilitator key and participant id');
  const meta = docRoot(doc, 'meta');
  if (meta.has('facilitatorKey')) return;
  doc.transact(() => {
    meta.set('facilitatorKey', publicKey);
    if (!meta.has('facilitatorId')) meta.set('facilitatorId', participantId);
  }, origin);
}
