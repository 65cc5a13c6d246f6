// Results of a revealed round: dots per card, with IT and OT counted apart so a split between
// the sides shows instead of averaging away. Only ballots the reveal listed count, and a ballot
// that spends more than the budget counts for nothing. In a signed round a ballot counts only
// if its voter's key on the roster signed it (the newest such revision), and the voter's side is
// the roster's, not what the ballot says.
import type * as Y from 'yjs';
import { readRoster, type Participant, type Side } from '../board';
import { ballotDigest, checkSignedBallot, decryptBallot, dotsUsed, openDots, parseBallot, signedBallotEntry, type Dots, type SignedBallot } from './ballots';
import { readBallotEntries, readSignedBallotEntries } from './facilitationDoc';
import type { VoteRound } from './facilitationState';

export interface CardTally {
  readonly cardId: string;
  readonly it: number;
  readonly ot: number;
  readonly facilitator: number;
  readonly total: number;
  /** One side put at least two thirds of the card's IT+OT dots, and the other side voted too. */
  readonly split: boolean;
}

export interface RoundResults {
  readonly tallies: readonly CardTally[];
  readonly ballotsCounted: number;
  /** Ballots that did not open, were over budget, came after the reveal, or were not signed by their voter. */
  readonly ballotsRejected: number;
  readonly votersBySide: Readonly<Record<Side, number>>;
}

/** A voter's ballot as it counts: its stored text (what the reveal's digest is over), side and dots. */
interface CountedBallot {
  readonly voterId: string;
  readonly side: Side;
  readonly entry: string;
  readonly open: (secretKey: string) => Dots | null;
}

/**
 * Each voter's ballot in a signed round: the newest revision their roster key signed. Forged,
 * copied and unsigned entries are counted as rejected.
 */
export function signedBallots(doc: Y.Doc, workshopId: string, round: VoteRound, roster: readonly Participant[] = readRoster(doc)): { ballots: CountedBallot[]; rejected: number } {
  const byId = new Map(roster.map((p) => [p.id, p]));
  const ballots: CountedBallot[] = [];
  let rejected = 0;
  readSignedBallotEntries(doc, round.roundId).forEach((revisions, voterId) => {
    const voter = byId.get(voterId);
    const ctx = { workshopId, roundId: round.roundId, voterId };
    let best: SignedBallot | null = null;
    for (const { n, entry } of revisions) {
      const ballot = checkSignedBallot(entry, ctx, n, voter?.publicKey ?? null);
      if (!ballot) rejected += 1;
      // The newest revision; two of the same number (two tabs at once): the same one everywhere.
      else if (!best || ballot.n > best.n || (ballot.n === best.n && ballot.signature > best.signature)) best = ballot;
    }
    if (!best || !voter) return;
    const chosen = best;
    ballots.push({ voterId, side: voter.side, entry: signedBallotEntry(chosen), open: (secret) => openDots(secret, round.publicKey, chosen, ctx) });
  });
  return { ballots, rejected };
}

/** Ballots of a round started before ballots were signed: as their voters (unverified) wrote them. */
function legacyBallots(doc: Y.Doc, workshopId: string, round: VoteRound): { ballots: CountedBallot[]; rejected: number } {
  const ballots: CountedBallot[] = [];
  let rejected = 0;
  readBallotEntries(doc, round.roundId).forEach((entry, voterId) => {
    const ballot = parseBallot(entry);
    if (!ballot || ballot.voterId !== voterId || typeof entry !== 'string') return void (rejected += 1);
    ballots.push({ voterId, side: ballot.side, entry, open: (secret) => decryptBallot(secret, round.publicKey, entry, { workshopId, roundId: round.roundId }) });
  });
  return { ballots, rejected };
}

export const roundBallots = (doc: Y.Doc, workshopId: string, round: VoteRound) => (round.signed ? signedBallots(doc, workshopId, round) : legacyBallots(doc, workshopId, round));

/** Who has cast a ballot so far, by side; visible while the votes themselves are hidden. */
export function ballotsCast(doc: Y.Doc, workshopId: string, round: VoteRound): Record<Side, number> {
  const bySide: Record<Side, number> = { IT: 0, OT: 0, facilitator: 0 };
  for (const b of roundBallots(doc, workshopId, round).ballots) bySide[b.side] += 1;
  return bySide;
}

/** The digests a reveal lists: the ballots that count as the vote closes. */
export const countedDigests = (doc: Y.Doc, workshopId: string, round: VoteRound): string[] => roundBallots(doc, workshopId, round).ballots.map((b) => ballotDigest(b.entry));

export function roundResults(doc: Y.Doc, workshopId: string, round: VoteRound): RoundResults | null {
  if (round.secretKey === null) return null;
  const counted = new Set(round.counted);
  const byCard = new Map<string, { it: number; ot: number; facilitator: number }>();
  const votersBySide: Record<Side, number> = { IT: 0, OT: 0, facilitator: 0 };
  const { ballots, rejected } = roundBallots(doc, workshopId, round);
  let ballotsCounted = 0;
  let ballotsRejected = rejected;
  for (const ballot of ballots) {
    const dots = counted.has(ballotDigest(ballot.entry)) ? ballot.open(round.secretKey) : null;
    if (!dots || dotsUsed(dots) > round.budget) {
      ballotsRejected += 1;
      continue;
    }
    ballotsCounted += 1;
    votersBySide[ballot.side] += 1;
    const key = ballot.side === 'IT' ? 'it' : ballot.side === 'OT' ? 'ot' : 'facilitator';
    for (const [cardId, n] of Object.entries(dots)) {
      const t = byCard.get(cardId) ?? { it: 0, ot: 0, facilitator: 0 };
      t[key] += n;
      byCard.set(cardId, t);
    }
  }
  const tallies = [...byCard].map(([cardId, t]): CardTally => {
    const sides = t.it + t.ot;
    const bothVoted = votersBySide.IT > 0 && votersBySide.OT > 0;
    const split = bothVoted && sides >= 2 && Math.max(t.it, t.ot) / sides >= 2 / 3;
    return { cardId, ...t, total: t.it + t.ot + t.facilitator, split };
  });
  tallies.sort((a, b) => b.total - a.total || (a.cardId < b.cardId ? -1 : 1));
  return { tallies, ballotsCounted, ballotsRejected, votersBySide };
}

/** The cards with the most dots: the top `count`, plus any tied with the last of them. */
export function winners(results: RoundResults, count: number): string[] {
  const ranked = results.tallies.filter((t) => t.total > 0);
  const cut = ranked[Math.min(count, ranked.length) - 1]?.total ?? Infinity;
  return ranked.filter((t) => t.total >= cut).map((t) => t.cardId);
}
