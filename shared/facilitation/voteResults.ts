// Results of a revealed round: dots per card, with IT and OT counted apart so a split between
// the sides shows instead of averaging away. Only ballots the reveal listed count, and a ballot
// that spends more than the budget counts for nothing.
import type * as Y from 'yjs';
import { ballotDigest, decryptBallot, dotsUsed, parseBallot, type Dots } from './ballots';
import { readBallotEntries } from './facilitationDoc';
import type { VoteRound } from './facilitationState';
import type { Side } from '../board';

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
  /** Ballots that did not open, were over budget, or came after the reveal. */
  readonly ballotsRejected: number;
  readonly votersBySide: Readonly<Record<Side, number>>;
}

/** Who has cast a ballot so far, by side; visible while the votes themselves are hidden. */
export function ballotsCast(doc: Y.Doc, round: VoteRound): Record<Side, number> {
  const bySide: Record<Side, number> = { IT: 0, OT: 0, facilitator: 0 };
  readBallotEntries(doc, round.roundId).forEach((entry, voterId) => {
    const ballot = parseBallot(entry);
    if (ballot && ballot.voterId === voterId) bySide[ballot.side] += 1;
  });
  return bySide;
}

export function roundResults(doc: Y.Doc, workshopId: string, round: VoteRound): RoundResults | null {
  if (round.secretKey === null) return null;
  const counted = new Set(round.counted);
  const byCard = new Map<string, { it: number; ot: number; facilitator: number }>();
  const votersBySide: Record<Side, number> = { IT: 0, OT: 0, facilitator: 0 };
  let ballotsCounted = 0;
  let ballotsRejected = 0;
  readBallotEntries(doc, round.roundId).forEach((entry, voterId) => {
    const ballot = parseBallot(entry);
    const dots: Dots | null =
      ballot && ballot.voterId === voterId && typeof entry === 'string' && counted.has(ballotDigest(entry))
        ? decryptBallot(round.secretKey ?? '', round.publicKey, entry, { workshopId, roundId: round.roundId })
        : null;
    if (!ballot || !dots || dotsUsed(dots) > round.budget) {
      ballotsRejected += 1;
      return;
    }
    ballotsCounted += 1;
    votersBySide[ballot.side] += 1;
    const key = ballot.side === 'IT' ? 'it' : ballot.side === 'OT' ? 'ot' : 'facilitator';
    for (const [cardId, n] of Object.entries(dots)) {
      const t = byCard.get(cardId) ?? { it: 0, ot: 0, facilitator: 0 };
      t[key] += n;
      byCard.set(cardId, t);
    }
  });
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
