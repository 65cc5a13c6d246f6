// Where facilitation lives in the Y.Doc: one flat Y.Map at the root "facilitation". Signed
// actions are entries "a:<seq>:<signature prefix>", ballots "b:<round>:<voter>", the pinned
// facilitator key "authority". Flat keys rather than nested Yjs types, because two peers creating
// the same nested type at once would lose one of them.
import type * as Y from 'yjs';
import { docRoot } from '../doc/roots';
import { z } from 'zod';
import type { Ballot } from './ballots';
import { encodeSignedAction, type SignedAction } from './signedAction';

export const facilitationMap = (doc: Y.Doc): Y.Map<unknown> => docRoot(doc, 'facilitation');

export const ACTION_PREFIX = 'a:';
export const BALLOT_PREFIX = 'b:';
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
