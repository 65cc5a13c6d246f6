// A read-only, plain-object view of the board for the UI. Snapshots share structure: a card
// that did not change keeps its object identity, and so does a section whose cards and order
// did not change, so React selectors over them stay stable.
import type * as Y from 'yjs';
import { asMap, ignoreProblems, readFixed, readRecord, type DocProblem, type Report } from '../doc/readShape';
import { cardsMap, metaMap } from './boardDoc';
import { compareRank } from './boardOrder';
import { cardFieldsShape, cardShape, cardVotesShape, metaShape } from './boardShapes';
import { SECTION_IDS, type CardStatus, type SectionId, type Side } from './sections';

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
  /** What the readers skipped, by card id (or 'meta'): shown to the user, never thrown. */
  readonly problems: Readonly<Record<string, readonly DocProblem[]>>;
}

/** Every problem of a snapshot, in a stable order. */
export function snapshotProblems(snapshot: Pick<BoardSnapshot, 'problems'>): DocProblem[] {
  return Object.keys(snapshot.problems)
    .sort()
    .flatMap((key) => snapshot.problems[key] ?? []);
}

/** Reads `read` while collecting what it reports. */
function collecting<T>(read: (report: Report) => T): { value: T; problems: DocProblem[] } {
  const problems: DocProblem[] = [];
  const value = read((p) => void (problems.length < 20 && problems.push(p)));
  return { value, problems };
}

function withProblems(all: Readonly<Record<string, readonly DocProblem[]>>, key: string, problems: readonly DocProblem[]): Readonly<Record<string, readonly DocProblem[]>> {
  const had = all[key];
  if (problems.length === 0 && !had) return all;
  if (had && had.length === problems.length && had.every((p, i) => p.where === problems[i]?.where && p.reason === problems[i]?.reason)) return all;
  const next = { ...all };
  if (problems.length === 0) delete next[key];
  else next[key] = problems;
  return next;
}

/** The card under `id` as the UI shows it, or null (with the reasons reported) when it cannot be one. */
export function readCard(id: string, value: unknown, report: Report = ignoreProblems): Card | null {
  const path = `cards › ${id.slice(0, 12)}`;
  const map = asMap(value, path, report);
  if (!map) return null;
  const card = readFixed(cardShape, map, path, report);
  const fieldsMap = card.fields ? card.fields : null;
  if (card.section === undefined || card.side === undefined || card.status === undefined || !fieldsMap) {
    report({ where: path, reason: 'a card without a section, side, status or fields is not shown' });
    return null;
  }
  const fields = readRecord(cardFieldsShape, fieldsMap, `${path} › fields`, report);
  return {
    id,
    section: card.section,
    rank: card.rank ?? '',
    fields,
    author: card.author ?? null,
    side: card.side,
    status: card.status,
    votes: card.votes ? readRecord(cardVotesShape, card.votes, `${path} › votes`, report) : {},
    createdAt: card.createdAt ?? 0,
    deleted: card.deleted === true,
  };
}

function readMeta(doc: Y.Doc, prev: WorkshopMeta | undefined, report: Report = ignoreProblems): WorkshopMeta {
  const meta = readFixed(metaShape, metaMap(doc), 'meta', report);
  const next: WorkshopMeta = {
    title: meta.title || 'Untitled workshop',
    facilitator: meta.facilitator ?? '',
    createdAt: meta.createdAt ?? 0,
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
  const problems: Record<string, readonly DocProblem[]> = {};
  cardsMap(doc).forEach((yCard, id) => {
    const read = collecting((report) => readCard(id, yCard, report));
    if (read.value) cards[id] = read.value;
    if (read.problems.length > 0) problems[id] = read.problems;
  });
  const meta = collecting((report) => readMeta(doc, prev?.meta, report));
  if (meta.problems.length > 0) problems.meta = meta.problems;
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
  return { meta: meta.value, cards, sections, trash: prev && sameList(prev.trash, trash) ? prev.trash : trash, problems };
}

/** Newest first; cards created in the same millisecond by id, so every build lists them alike. */
const byNewest = (a: Card, b: Card): number => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where a card is listed: its section, or the trash. */
type Place = SectionId | 'trash';
const placeOf = (card: Card): Place => (card.deleted ? 'trash' : card.section);

function updateSnapshot(doc: Y.Doc, prev: BoardSnapshot, changed: ReadonlySet<string>): BoardSnapshot {
  const readMetaNow = collecting((report) => readMeta(doc, prev.meta, report));
  const meta = readMetaNow.value;
  let problems = withProblems(prev.problems, 'meta', readMetaNow.problems);
  if (changed.size === 0) return meta === prev.meta && problems === prev.problems ? prev : { ...prev, meta, problems };
  const yCards = cardsMap(doc);
  const cards: Record<string, Card> = { ...prev.cards };
  // Every list a changed card left or entered; the others keep their identity untouched.
  const touched = new Set<Place>();
  const fresh: Card[] = [];
  for (const id of changed) {
    const old = prev.cards[id];
    const read = yCards.has(id) ? collecting((report) => readCard(id, yCards.get(id), report)) : { value: null, problems: [] };
    const card = read.value;
    problems = withProblems(problems, id, read.problems);
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
  return { meta, cards, sections, trash: rebuild('trash', prev.trash, byNewest), problems };
}

/** The card ids touched by a batch of deep events on the cards map. */
export function changedCardIds(events: readonly { readonly path: readonly (string | number)[]; readonly changes: { readonly keys: ReadonlyMap<string, unknown> } }[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const head = event.path[0];
    if (typeof head === 'string') ids.add(head);
    else for (const key of event.changes.keys.keys()) ids.add(key);
  }
  return ids;
}
