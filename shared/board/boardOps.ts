// Board operations: plain functions over the Y.Doc. Each validates all of its input before it
// writes anything, so a BoardError always leaves the doc unchanged, and each runs as one Yjs
// transaction with the caller's origin (which decides undo and persistence).
import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';
import { uuidv4 } from 'lib0/random';
import { BoardError, subjectLabel, type BoardSubject } from './boardErrors';
import { cardAt, cardFields, cardRank, cardsMap, cardVotes, metaMap, type CardMap } from './boardDoc';
import { fieldSpec, isSectionId, isSide, isStatus, sectionSpec, TITLE_MAX, type CardStatus, type SectionId, type Side } from './sections';
import { orderedIds } from './boardOrder';
import { NAME_MAX, WORKSHOP_TITLE_MAX } from './boardShapes';

export const MAX_CARDS = 10_000;

export interface Author {
  /** null for anonymous ideation: the doc then holds no author at all. */
  readonly name: string | null;
  readonly side: Side;
}

export interface NewCard {
  readonly section: SectionId;
  readonly fields: Readonly<Record<string, string>>;
  readonly author: Author;
  readonly status?: CardStatus;
}

export interface WorkshopInit {
  readonly title: string;
  readonly facilitator: string;
  readonly createdAt: number;
}

/**
 * A rank between two neighbours'. A peer may have written a rank that is not a fractional index;
 * such a neighbour counts as absent, so a bad rank never stops a card from being added or moved.
 */
function rankBetween(before: string | null, after: string | null): string {
  for (const [a, b] of [[before, after], [before, null], [null, after], [null, null]] as const) {
    try {
      return generateKeyBetween(a, b);
    } catch {
      // Try the next, with the unusable neighbour left out.
    }
  }
  return generateKeyBetween(null, null);
}

function requireSection(section: unknown): SectionId {
  if (!isSectionId(section)) throw new BoardError('unknown-section', `There is no section called "${String(section)}".`, { id: 'unknown-section', section: String(section) });
  return section;
}

function cleanTitle(value: unknown, max: number, subject: BoardSubject): string {
  const what = subjectLabel(subject);
  if (typeof value !== 'string') throw new BoardError('invalid-input', `${what} must be text.`, { id: 'not-text', subject });
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new BoardError('empty-title', `${what} cannot be empty.`, { id: 'empty', subject });
  if (trimmed.length > max) throw new BoardError('too-long', `${what} is ${trimmed.length} characters; the limit is ${max}.`, { id: 'too-long', subject, length: trimmed.length, max });
  return trimmed;
}

/** Checks one field value against its section's spec and returns the value to store. */
export function validateField(section: SectionId, key: string, value: unknown): string {
  const spec = fieldSpec(section, key);
  if (!spec) throw new BoardError('unknown-field', `${sectionSpec(section).title} cards have no field "${key}".`, { id: 'unknown-field', section, field: key });
  const subject = { section, field: key };
  if (key === 'title') return cleanTitle(value, TITLE_MAX, subject);
  if (typeof value !== 'string') throw new BoardError('invalid-input', `${spec.label} must be text.`, { id: 'not-text', subject });
  if (value.length > spec.maxLength) {
    throw new BoardError('too-long', `${spec.label} is ${value.length} characters; the limit is ${spec.maxLength}.`, { id: 'too-long', subject, length: value.length, max: spec.maxLength });
  }
  if (spec.kind === 'choice' && value !== '' && !spec.options?.includes(value)) {
    throw new BoardError('invalid-choice', `"${value}" is not a choice for ${spec.label}.`, { id: 'invalid-choice', subject, value });
  }
  return value;
}

function getCard(doc: Y.Doc, id: unknown): CardMap {
  if (typeof id !== 'string') throw new BoardError('invalid-input', 'A card id must be text.', { id: 'invalid-card-id' });
  const card = cardAt(doc, id);
  if (card) return card;
  if (cardsMap(doc).has(id)) throw new BoardError('not-found', 'That card cannot be read: it was written in a shape this board does not know.', { id: 'card-unreadable' });
  throw new BoardError('not-found', `No card with id ${id}.`, { id: 'card-missing' });
}

/** The fields map of a card, which every card written by the board has. */
function fieldsOf(card: CardMap): Y.Map<unknown> {
  const fields = cardFields(card);
  if (!fields) throw new BoardError('not-found', 'That card cannot be read: its fields are missing.', { id: 'card-unreadable' });
  return fields;
}

function getLiveCard(doc: Y.Doc, id: unknown): CardMap {
  const card = getCard(doc, id);
  if (card.get('deleted') === true) throw new BoardError('deleted', 'That card was deleted; restore it first.', { id: 'card-deleted' });
  return card;
}

function cardSection(card: CardMap): SectionId {
  return requireSection(card.get('section'));
}

/** Writes the workshop's meta; the schema version is written by shared/schema's initWorkshop, which calls this. */
export function writeWorkshopMeta(doc: Y.Doc, init: WorkshopInit, origin: unknown = null): void {
  const title = cleanTitle(init.title, WORKSHOP_TITLE_MAX, 'workshop-title');
  const facilitator = cleanTitle(init.facilitator, NAME_MAX, 'facilitator-name');
  if (!Number.isFinite(init.createdAt)) throw new BoardError('invalid-input', 'Creation time must be a number.', { id: 'invalid-time' });
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('title', title);
    meta.set('facilitator', facilitator);
    meta.set('createdAt', init.createdAt);
  }, origin);
}

export function renameWorkshop(doc: Y.Doc, title: string, origin: unknown = null): void {
  const clean = cleanTitle(title, WORKSHOP_TITLE_MAX, 'workshop-title');
  doc.transact(() => metaMap(doc).set('title', clean), origin);
}

/** Adds a card at the end of its section and returns its id. */
export function addCard(doc: Y.Doc, input: NewCard, now: number, origin: unknown = null): string {
  const section = requireSection(input.section);
  if (!isSide(input.author?.side)) throw new BoardError('invalid-side', `Side must be IT, OT or facilitator.`, { id: 'invalid-side' });
  const authorName = input.author.name === null ? null : cleanTitle(input.author.name, NAME_MAX, 'author-name');
  const status = input.status ?? 'proposed';
  if (!isStatus(status)) throw new BoardError('invalid-status', `Status must be proposed, agreed or parked.`, { id: 'invalid-status' });
  if (typeof input.fields !== 'object' || input.fields === null) throw new BoardError('invalid-input', 'Fields are missing.', { id: 'fields-missing' });
  if (!('title' in input.fields)) throw new BoardError('empty-title', `${sectionSpec(section).fields[0]?.label ?? 'Title'} cannot be empty.`, { id: 'empty', subject: { section, field: 'title' } });
  const values = Object.entries(input.fields).map(([key, value]) => [key, validateField(section, key, value)] as const);
  const cards = cardsMap(doc);
  if (cards.size >= MAX_CARDS) throw new BoardError('invalid-input', `A board holds at most ${MAX_CARDS} cards.`, { id: 'board-full', max: MAX_CARDS });

  const id = uuidv4();
  const ids = orderedIds(doc, section);
  const lastId = ids[ids.length - 1];
  const lastRank = lastId === undefined ? null : cardRank(cardAt(doc, lastId));
  doc.transact(() => {
    const card: CardMap = new Y.Map();
    const fields = new Y.Map<string>();
    for (const [key, value] of values) fields.set(key, value);
    card.set('id', id);
    card.set('section', section);
    card.set('rank', rankBetween(lastRank, null));
    card.set('author', authorName);
    card.set('side', input.author.side);
    card.set('status', status);
    card.set('createdAt', now);
    card.set('deleted', false);
    card.set('fields', fields);
    card.set('votes', new Y.Map<number>());
    cards.set(id, card);
  }, origin);
  return id;
}

export function editField(doc: Y.Doc, id: string, key: string, value: string, origin: unknown = null): void {
  const card = getLiveCard(doc, id);
  const clean = validateField(cardSection(card), key, value);
  const fields = fieldsOf(card);
  if (fields.get(key) === clean) return;
  doc.transact(() => fields.set(key, clean), origin);
}

export function setStatus(doc: Y.Doc, id: string, status: CardStatus, origin: unknown = null): void {
  if (!isStatus(status)) throw new BoardError('invalid-status', `Status must be proposed, agreed or parked.`, { id: 'invalid-status' });
  const card = getLiveCard(doc, id);
  if (card.get('status') === status) return;
  doc.transact(() => card.set('status', status), origin);
}

/**
 * Moves a card to `toIndex` among the live cards of `toSection` (counted without the card
 * itself). Fields that the new section does not have stay on the card, unseen, so a move back
 * loses nothing.
 */
export function moveCard(doc: Y.Doc, id: string, toSection: SectionId, toIndex: number, origin: unknown = null): void {
  const section = requireSection(toSection);
  const card = getLiveCard(doc, id);
  if (!Number.isInteger(toIndex) || toIndex < 0) throw new BoardError('invalid-input', 'Position must be a whole number from 0.', { id: 'invalid-position' });
  const others = orderedIds(doc, section).filter((other) => other !== id);
  const index = Math.min(toIndex, others.length);
  const rankOf = (otherId: string | undefined): string | null => (otherId === undefined ? null : cardRank(cardAt(doc, otherId)));
  const before = rankOf(others[index - 1]);
  let after = rankOf(others[index]);
  // Concurrent moves can leave two cards with the same rank; order then falls back to id.
  if (before !== null && after !== null && after <= before) after = null;
  const rank = rankBetween(before, after);
  if (card.get('section') === section && orderedIds(doc, section).indexOf(id) === index) return;
  doc.transact(() => {
    card.set('section', section);
    card.set('rank', rank);
  }, origin);
}

export function deleteCard(doc: Y.Doc, id: string, origin: unknown = null): void {
  const card = getLiveCard(doc, id);
  doc.transact(() => card.set('deleted', true), origin);
}

export function restoreCard(doc: Y.Doc, id: string, origin: unknown = null): void {
  const card = getCard(doc, id);
  if (card.get('deleted') !== true) return;
  doc.transact(() => card.set('deleted', false), origin);
}

/** Sets how many of their dots `voter` puts on a card (0 removes the vote). */
export function setVote(doc: Y.Doc, id: string, voter: string, dots: number, origin: unknown = null): void {
  const card = getLiveCard(doc, id);
  if (typeof voter !== 'string' || voter.length === 0 || voter.length > NAME_MAX) throw new BoardError('invalid-input', 'A vote needs a voter.', { id: 'vote-without-voter' });
  if (!Number.isInteger(dots) || dots < 0 || dots > 100) throw new BoardError('invalid-input', 'Dots must be a whole number from 0 to 100.', { id: 'invalid-dots' });
  const votes = cardVotes(card);
  if (!votes) throw new BoardError('not-found', 'That card has no votes.', { id: 'no-votes' });
  doc.transact(() => (dots === 0 ? votes.delete(voter) : votes.set(voter, dots)), origin);
}
