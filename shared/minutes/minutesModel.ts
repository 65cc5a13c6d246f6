// The workshop's minutes (issue 15): the whole board as it stands, every section in board order
// (the parking lot included), each card with its status, side and author (neither for a card
// written during anonymous ideation: the doc holds no author then, and in a document that leaves
// the room a side can be enough to tell who wrote it when few people share it), every field filled in (owners,
// metrics, RACI…) and the dots each revealed vote gave it, IT and OT apart. Built from plain
// values (the board's snapshot, the roster, the revealed rounds' results), so the three outputs
// (Markdown, CSV, PDF) say the same thing and a test can build them without a room.
import { SECTION_IDS, sectionSpec, type Card, type CardStatus, type Participant, type SectionId, type Side, type WorkshopMeta } from '../board';
import type { RoundResults } from '../facilitation';

/** A revealed dot vote: its number in the workshop (1 for the first round started), its budget and results. */
export interface MinutesRound {
  readonly number: number;
  readonly budget: number;
  readonly results: RoundResults;
}

export interface MinutesInput {
  readonly meta: WorkshopMeta;
  /** Live cards of each section in board order (BoardSnapshot.sections); deleted cards are not minuted. */
  readonly sections: Readonly<Record<SectionId, readonly Card[]>>;
  readonly participants: readonly Pick<Participant, 'name' | 'side' | 'role'>[];
  /** Rounds whose votes were revealed, oldest first; a round still hidden has no results to minute. */
  readonly rounds: readonly MinutesRound[];
  /** When the minutes were taken (ms since the epoch); the only time the outputs depend on. */
  readonly takenAt: number;
}

export interface MinutesVote {
  readonly round: number;
  readonly it: number;
  readonly ot: number;
  readonly facilitator: number;
  readonly total: number;
  /** One side gave at least two thirds of the card's IT+OT dots (voteResults.ts). */
  readonly split: boolean;
}

export interface MinutesCard {
  /** 1-based position in its section, as the board shows it. */
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly status: CardStatus;
  /** null for an anonymous card (see author). */
  readonly side: Side | null;
  /** null: written during anonymous ideation (or by nobody named); its side is left out too. */
  readonly author: string | null;
  /** Every field after the title that holds text, in the section's field order. */
  readonly fields: readonly { readonly key: string; readonly value: string }[];
  /** Dots per revealed round that gave the card any. */
  readonly votes: readonly MinutesVote[];
  /** Dots of the older per-card vote (before hidden rounds), summed; 0 when none. */
  readonly legacyDots: number;
}

export interface MinutesSection {
  readonly id: SectionId;
  readonly cards: readonly MinutesCard[];
}

export interface MinutesRoundSummary {
  readonly number: number;
  readonly budget: number;
  readonly ballotsCounted: number;
  readonly ballotsRejected: number;
  readonly votersBySide: Readonly<Record<Side, number>>;
}

export interface Minutes {
  readonly title: string;
  readonly facilitator: string;
  readonly createdAt: number;
  readonly takenAt: number;
  readonly participants: readonly Pick<Participant, 'name' | 'side' | 'role'>[];
  readonly rounds: readonly MinutesRoundSummary[];
  readonly sections: readonly MinutesSection[];
  /** How many cards each status has, over the whole board. */
  readonly counts: Readonly<Record<CardStatus, number>>;
}

function minuteCard(card: Card, number: number, rounds: readonly MinutesRound[]): MinutesCard {
  const spec = sectionSpec(card.section);
  const fields = spec.fields
    .filter((f) => f.key !== 'title')
    .map((f) => ({ key: f.key, value: (card.fields[f.key] ?? '').trim() }))
    .filter((f) => f.value !== '');
  const votes: MinutesVote[] = [];
  for (const round of rounds) {
    const tally = round.results.tallies.find((t) => t.cardId === card.id);
    if (tally && tally.total > 0) votes.push({ round: round.number, it: tally.it, ot: tally.ot, facilitator: tally.facilitator, total: tally.total, split: tally.split });
  }
  return {
    number,
    id: card.id,
    title: (card.fields.title ?? '').trim(),
    status: card.status,
    side: card.author?.trim() ? card.side : null,
    author: card.author?.trim() ? card.author.trim() : null,
    fields,
    votes,
    legacyDots: Object.values(card.votes).reduce((sum, n) => sum + n, 0),
  };
}

export function buildMinutes(input: MinutesInput): Minutes {
  const counts: Record<CardStatus, number> = { proposed: 0, agreed: 0, parked: 0 };
  const sections = SECTION_IDS.map((id): MinutesSection => {
    const cards = (input.sections[id] ?? []).filter((c) => !c.deleted).map((card, i) => minuteCard(card, i + 1, input.rounds));
    for (const card of cards) counts[card.status] += 1;
    return { id, cards };
  });
  return {
    title: input.meta.title,
    facilitator: input.meta.facilitator,
    createdAt: input.meta.createdAt,
    takenAt: input.takenAt,
    participants: input.participants.map((p) => ({ name: p.name, side: p.side, role: p.role })),
    rounds: input.rounds.map((r) => ({
      number: r.number,
      budget: r.budget,
      ballotsCounted: r.results.ballotsCounted,
      ballotsRejected: r.results.ballotsRejected,
      votersBySide: r.results.votersBySide,
    })),
    sections,
    counts,
  };
}
