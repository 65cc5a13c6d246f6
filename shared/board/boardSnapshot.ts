// A read-only, plain-object view of the board for the UI. Snapshots share structure: a card
// that did not change keeps its object identity, and so does a section whose cards and order
// did not change, so React selectors over them stay stable.
import * as Y from 'yjs';
import { cardsMap, metaMap, type CardMap } from './boardDoc';
import { compareRank } from './boardOrder';
import { isSectionId, isSide, isStatus, SECTION_IDS, type CardStatus, type SectionId, type Side } from './sections';

export interface Card {
  readonly id: string;
  readonly section: SectionId;
  readonly rank: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly author: string | null;
  readonly side: Side;
  readonly status: CardStatus;
  readonly votes: Readonly<Record<string, number>>;
  readonly createdAt: number;
  readonly deleted: boolean;
}

export interface WorkshopMeta {
  readonly title: string;
  readonly facilitator: string;
  readonly createdAt: number;
}

export interface BoardSnapshot {
  readonly meta: WorkshopMeta;
  readonly cards: Readonly<Record<string, Card>>;
  /** Live cards of each section, in board order. */
  readonly sections: Readonly<Record<SectionId, readonly Card[]>>;
  /** Deleted cards, most recent first by creation, so they can be restored. */
  readonly trash: readonly Card[];
}

function readCard(id: string, card: CardMap): Card | null {
  const section = card.get('section');
  const side = card.get('side');
  const status = card.get('status');
  const fields = card.get('fields');
  const votes = card.get('votes');
  // A peer may have written a card of a shape we do not know; skip it rather than crash.
  if (!isSectionId(section) || !isSide(side) || !isStatus(status) || !(fields instanceof Y.Map) || !(votes instanceof Y.Map)) return null;
  const author = card.get('author');
  return {
    id,
    section,
    rank: String(card.get('rank') ?? ''),
    fields: fields.toJSON() as Record<string, string>,
    author: typeof author === 'string' ? author : null,
    side,
    status,
    votes: votes.toJSON() as Record<string, number>,
    createdAt: Number(card.get('createdAt') ?? 0),
    deleted: card.get('deleted') === true,
  };
}

function readMeta(doc: Y.Doc, prev: WorkshopMeta | undefined): WorkshopMeta {
  const meta = metaMap(doc);
  const next: WorkshopMeta = {
    title: String(meta.get('title') ?? 'Untitled workshop'),
    facilitator: String(meta.get('facilitator') ?? ''),
    createdAt: Number(meta.get('createdAt') ?? 0),
  };
  if (prev && prev.title === next.title && prev.facilitator === next.facilitator && prev.createdAt === next.createdAt) return prev;
  return next;
}

const sameList = (a: readonly Card[] | undefined, b: readonly Card[]): boolean =>
  a !== undefined && a.length === b.length && a.every((card, i) => card === b[i]);

/**
 * Builds the snapshot. With `prev` and the set of card ids that changed since it, only those
 * cards are read again; pass `changed = null` to read everything.
 */
export function buildSnapshot(doc: Y.Doc, prev?: BoardSnapshot, changed: ReadonlySet<string> | null = null): BoardSnapshot {
  const yCards = cardsMap(doc);
  const cards: Record<string, Card> = {};
  yCards.forEach((yCard, id) => {
    const old = prev?.cards[id];
    const card = old && changed && !changed.has(id) ? old : readCard(id, yCard);
    if (card) cards[id] = card;
  });
  const grouped = Object.fromEntries(SECTION_IDS.map((s) => [s, [] as Card[]])) as Record<SectionId, Card[]>;
  const trash: Card[] = [];
  for (const card of Object.values(cards)) (card.deleted ? trash : grouped[card.section]).push(card);
  const sections = {} as Record<SectionId, readonly Card[]>;
  for (const id of SECTION_IDS) {
    const list = grouped[id].sort(compareRank);
    const old = prev?.sections[id];
    sections[id] = old && sameList(old, list) ? old : list;
  }
  trash.sort((a, b) => b.createdAt - a.createdAt);
  return {
    meta: readMeta(doc, prev?.meta),
    cards,
    sections,
    trash: prev && sameList(prev.trash, trash) ? prev.trash : trash,
  };
}

/** The card ids touched by a batch of deep events on the cards map. */
export function changedCardIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const head = event.path[0];
    if (typeof head === 'string') ids.add(head);
    else for (const key of event.changes.keys.keys()) ids.add(key);
  }
  return ids;
}
