// The IT/OT balance of the board: who contributes and who votes, by side, and a coverage list
// of the gaps a facilitator should steer towards (docs/architecture.md, "The board").
import { SECTIONS, type BoardSnapshot, type Card, type SectionId } from '../board';
import { splitNames } from '../charter/charterChecks';

export interface SideCounts {
  readonly IT: number;
  readonly OT: number;
  readonly facilitator: number;
}

export type CoverageKind = 'tradeoff-view' | 'goal-owner' | 'accountable' | 'silent-side';

export interface CoverageGap {
  readonly kind: CoverageKind;
  readonly section: SectionId;
  readonly cardId: string | null;
  /** The side that is silent ('silent-side'). */
  readonly side?: 'IT' | 'OT';
  /** In English, for logs; the app words a gap from its kind, section, card and side. */
  readonly message: string;
}

export interface Balance {
  readonly contributions: SideCounts;
  readonly gaps: readonly CoverageGap[];
}

const blank = (value: string | undefined): boolean => (value ?? '').trim().length === 0;
const titleOf = (card: Card): string => `“${card.fields.title ?? ''}”`;

/** Names in an Accountable field, split the way the charter's check splits them, in every
 * language the app speaks: "Ana and Ben", "Ana, Ben", "Ana und Ben", "王小明和李华". */
export function accountableNames(value: string | undefined): string[] {
  return splitNames(value ?? '');
}

export function computeBalance(snapshot: BoardSnapshot): Balance {
  const contributions = { IT: 0, OT: 0, facilitator: 0 };
  const gaps: CoverageGap[] = [];
  for (const spec of SECTIONS) {
    const cards = snapshot.sections[spec.id];
    const sides = new Set(cards.map((c) => c.side));
    for (const card of cards) contributions[card.side] += 1;
    for (const card of cards) {
      if (spec.id === 'tradeoffs') {
        const missing = [blank(card.fields.itView) ? 'IT' : null, blank(card.fields.otView) ? 'OT' : null].filter((s) => s !== null);
        if (missing.length > 0) gaps.push({ kind: 'tradeoff-view', section: 'tradeoffs', cardId: card.id, message: `Trade-off ${titleOf(card)} has no ${missing.join(' or ')} view.` });
      }
      if (spec.id === 'goals') {
        const missing = [blank(card.fields.itOwner) ? 'IT' : null, blank(card.fields.otOwner) ? 'OT' : null].filter((s) => s !== null);
        if (missing.length > 0) gaps.push({ kind: 'goal-owner', section: 'goals', cardId: card.id, message: `Goal ${titleOf(card)} has no ${missing.join(' or ')} owner.` });
      }
      if (spec.id === 'accountability') {
        const n = accountableNames(card.fields.accountable).length;
        if (n !== 1) gaps.push({ kind: 'accountable', section: 'accountability', cardId: card.id, message: `Scenario ${titleOf(card)} has ${n === 0 ? 'no' : n} Accountable${n > 1 ? 's' : ''}; it needs exactly one.` });
      }
    }
    if (spec.id !== 'parking' && cards.length > 0) {
      for (const [side, other] of [['IT', 'OT'], ['OT', 'IT']] as const) {
        if (!sides.has(side) && sides.has(other)) gaps.push({ kind: 'silent-side', section: spec.id, cardId: null, side, message: `${side} is silent in ${spec.title}.` });
      }
    }
  }
  return { contributions, gaps };
}
