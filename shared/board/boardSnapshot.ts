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
 * cards are read again and only the sections (and trash) they left or entered are rebuilt, so an
 * edit costs the size of its section, not of the board. Pass `changed = null` to read everything.
 */
export function buildSnapshot(doc: Y.Doc, prev?: BoardSnapshot, changed: ReadonlySet<string> | null = null): BoardSnapshot {
  if (prev && changed) return updateSnapshot(doc, prev, changed);
  const cards: Record<string, Card> = {};
  cardsMap(doc).forEach((yCard, id) => {
    const card = readCard(id, yCard);
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
  trash.sort(byNewest);
  return { meta: readMeta(doc, prev?.meta), cards, sections, trash: prev && sameList(prev.trash, trash) ? prev.trash : trash };
}

/** Newest first; cards created in the same millisecond by id, so every build lists them alike. */
const byNewest = (a: Card, b: Card): number => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where a card is listed: its section, or the trash. */
type Place = SectionId | 'trash';
const placeOf = (card: Card): Place => (card.deleted ? 'trash' : card.section);

function updateSnapshot(doc: Y.Doc, prev: BoardSnapshot, changed: ReadonlySet<string>): BoardSnapshot {
  const meta = readMeta(doc, prev.meta);
  if (changed.size === 0) return meta === prev.meta ? prev : { ...prev, meta };
  const yCards = cardsMap(doc);
  const cards: Record<string, Card> = { ...prev.cards };
  // Every list a changed card left or entered; the others keep their identity untouched.
  const touched = new Set<Place>();
  const fresh: Card[] = [];
  for (const id of changed) {
    const old = prev.cards[id];
    const yCard = yCards.get(id);
    const card = yCard ? readCard(id, yCard) : null;
    if (old) touched.add(placeOf(old));
    if (card) {
      cards[id] = card;
      touched.add(placeOf(card));
      fresh.push(card);
    } else {
      delete cards[id];
    }
  }
  const rebuild = (place: Place, old: readonly Card[], order: (a: Card, b: Card) => number): readonly Card[] => {
    if (!touched.has(place)) return old;
    const list = old.filter((c) => !changed.has(c.id));
    for (const card of fresh) if (placeOf(card) === place) list.push(card);
    list.sort(order);
    return sameList(old, list) ? old : list;
  };
  const sections = {} as Record<SectionId, readonly Card[]>;
  for (const id of SECTION_IDS) sections[id] = rebuild(id, prev.sections[id], compareRank);
  return { meta, cards, sections, trash: rebuild('trash', prev.trash, byNewest) };
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
