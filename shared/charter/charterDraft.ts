// Builds the charter draft from the board: only agreed, live cards, in board order, with the
// section's title and field labels copied in (in the document language, when the draft has one),
// plus the roster, purpose, scope, review date and quorum.
import type { BoardSnapshot, Card } from '../board/boardSnapshot';
import { sectionSpec } from '../board/sections';
import { charterWords, type CharterSectionId, type CharterWords, type DocumentLanguage } from './charterWords';
import { checkCharter, type CharterFinding } from './charterChecks';
import {
  DEFAULT_QUORUM,
  type CharterContent,
  type CharterItem,
  type CharterReference,
  type CharterSection,
  type Participant,
  type QuorumRule,
} from './charterSchema';

/** The parking lot is not part of a charter: it holds what the room did not agree. */
export const CHARTER_SECTIONS: readonly CharterSectionId[] = ['goals', 'tradeoffs', 'incentives', 'accountability', 'risks', 'language', 'skills'];

export interface CharterDraftInput {
  readonly snapshot: BoardSnapshot;
  readonly roster: readonly Participant[];
  readonly purpose: string;
  readonly scope: string;
  /** YYYY-MM-DD or ''. */
  readonly reviewDate: string;
  readonly quorum?: QuorumRule;
  /** The workshop's facilitator key, when it has one. */
  readonly facilitatorKey?: string | null;
  /** The document language: section titles and field labels in it. Without one, the board's English. */
  readonly language?: DocumentLanguage;
}

export interface CharterDraft {
  readonly content: CharterContent;
  readonly roster: readonly Participant[];
  readonly quorum: QuorumRule;
  readonly findings: readonly CharterFinding[];
}

function toItem(card: Card, keys: readonly string[]): CharterItem {
  const fields: Record<string, string> = {};
  for (const key of keys) fields[key] = (card.fields[key] ?? '').trim();
  return { cardId: card.id, title: (card.fields.title ?? '').trim(), fields };
}

function toSection(snapshot: BoardSnapshot, id: CharterSectionId, words: CharterWords | null): CharterSection {
  const spec = sectionSpec(id);
  const fieldSpecs = spec.fields.filter((f) => f.key !== 'title');
  const cards = snapshot.sections[id].filter((card) => card.status === 'agreed' && !card.deleted);
  const own = words?.sections[id];
  return {
    id,
    title: own?.title ?? spec.title,
    fields: fieldSpecs.map((f) => ({ key: f.key, label: own?.fields[f.key] ?? f.label })),
    items: cards.map((card) => toItem(card, fieldSpecs.map((f) => f.key))),
  };
}

/** Standard references (e.g. "GOVERN 2.1"), once each, in order of first appearance. */
export function collectReferences(sections: readonly CharterSection[]): CharterReference[] {
  const byRef = new Map<string, string[]>();
  for (const section of sections) {
    for (const item of section.items) {
      const ref = (item.fields.reference ?? '').trim();
      if (!ref) continue;
      const ids = byRef.get(ref) ?? [];
      ids.push(item.cardId);
      byRef.set(ref, ids);
    }
  }
  return [...byRef].map(([reference, cardIds]) => ({ reference, cardIds }));
}

export function buildCharterDraft(input: CharterDraftInput): CharterDraft {
  const words = input.language ? charterWords(input.language) : null;
  const sections = CHARTER_SECTIONS.map((id) => toSection(input.snapshot, id, words));
  const content: CharterContent = {
    title: input.snapshot.meta.title.trim(),
    purpose: input.purpose.trim(),
    scope: input.scope.trim(),
    reviewDate: input.reviewDate.trim(),
    sections,
    references: collectReferences(sections),
  };
  const quorum = input.quorum ?? DEFAULT_QUORUM;
  return { content, roster: input.roster, quorum, findings: checkCharter(content, input.roster, quorum, input.facilitatorKey ?? null) };
}
