// The words the minutes are written in, handed in by whoever renders them: shared/ has no words
// for the UI (docs/architecture.md, Languages), so the renderer fills this from its catalog, in
// the reader's language, with dates already formatted in their locale and time zone.
import type { CardStatus, SectionId, Side } from '../board';
import type { MinutesRoundSummary, MinutesVote } from './minutesModel';

export interface MinutesWords {
  /** BCP 47 tag of the language the words are in (the PDF's /Lang, for screen readers). */
  readonly language: string;
  /** The document's heading, e.g. "Minutes: Line 4 AI rollout". */
  title(workshopTitle: string): string;
  readonly facilitator: string;
  readonly created: string;
  readonly taken: string;
  /** e.g. "12 cards: 5 agreed, 6 proposed, 1 parked". */
  summary(counts: Readonly<Record<CardStatus, number>>): string;
  readonly participants: string;
  readonly votes: string;
  /** e.g. "Round 1 (5 dots each): 4 ballots counted (IT 2, OT 2)". */
  round(round: MinutesRoundSummary): string;
  readonly noCards: string;
  readonly status: string;
  readonly side: string;
  readonly author: string;
  /** Where a card has no author: written during anonymous ideation. */
  readonly anonymous: string;
  /** e.g. "Round 1: 5 dots (IT 3, OT 2), split: IT much more". */
  vote(vote: MinutesVote): string;
  /** Dots of the older per-card vote. */
  legacyDots(dots: number): string;
  sectionTitle(section: SectionId): string;
  fieldLabel(section: SectionId, key: string): string;
  /** A field's value as shown: a choice's label; text as it is. */
  fieldValue(section: SectionId, key: string, value: string): string;
  statusLabel(status: CardStatus): string;
  sideLabel(side: Side): string;
  /** A date and time in the reader's locale and time zone. */
  date(ms: number): string;
  /** The PDF's footer: e.g. "page 2 of 5". */
  page(page: number, pages: number): string;
  /** CSV column headings. */
  readonly csv: {
    readonly section: string;
    readonly number: string;
    readonly title: string;
    /** e.g. "Round 1: dots", "Round 1: IT", "Round 1: OT". */
    roundTotal(round: number): string;
    roundSide(round: number, side: 'IT' | 'OT'): string;
    readonly legacyDots: string;
  };
}
