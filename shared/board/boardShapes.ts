// The board's part of the document schema: the workshop's meta, the cards (each a map with its
// fields), and the roster. Used by the update guard and by the board's readers alike.
import { z } from 'zod';
import { fixedShape, nested, patternShape, recordShape, value } from '../doc/shape';
import { SECTION_IDS, SIDES, STATUSES, TEXT_MAX } from './sections';

export const CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const PARTICIPANT_ID = /^[A-Za-z0-9_-]{1,100}$/;
export const WORKSHOP_TITLE_MAX = 120;
export const NAME_MAX = 80;
export const ROLE_MAX = 80;
/** Fractional-index ranks grow with moves between neighbours; far beyond any real board's. */
export const RANK_MAX = 1000;

const time = z.number().finite();
const text = (max: number) => z.string().max(max);

export const metaShape = fixedShape('meta', 'the workshop', {
  schema: value(z.number().int().min(1).max(1000)),
  title: value(text(WORKSHOP_TITLE_MAX)),
  facilitator: value(text(NAME_MAX)),
  createdAt: value(time),
  /** The facilitator's Ed25519 key, fixed when the workshop is created (schema 3): never changed. */
  facilitatorKey: value(z.string().regex(/^[A-Za-z0-9_-]{43}$/), { immutable: true }),
  /** The participant id that key belongs to. */
  facilitatorId: value(z.string().regex(PARTICIPANT_ID), { immutable: true }),
});

/** Cards by id; a card is never replaced or removed (deleting sets its `deleted` flag). */
export const cardsShape = patternShape('cards', 'the cards', [[CARD_ID, nested('card')]]);

export const cardShape = fixedShape('card', 'a card', {
  id: value(z.string().regex(CARD_ID)),
  section: value(z.enum(SECTION_IDS)),
  rank: value(z.string().max(RANK_MAX)),
  author: value(text(NAME_MAX).nullable()),
  side: value(z.enum(SIDES)),
  status: value(z.enum(STATUSES)),
  createdAt: value(time),
  deleted: value(z.boolean()),
  fields: nested('cardFields'),
  /** Dots by voter name, from before hidden ballots; read by nothing, kept so old boards still fit. */
  votes: nested('cardVotes'),
});

/** Every field of every section is text; the section's own limits (sections.ts) are the board's to apply. */
export const cardFieldsShape = recordShape('cardFields', 'a card’s fields', /^[A-Za-z]{1,40}$/, value(text(TEXT_MAX), { deletable: true }));

export const cardVotesShape = recordShape('cardVotes', 'a card’s votes', /^.{1,80}$/su, value(z.number().int().min(0).max(100), { deletable: true }));

export const rosterShape = patternShape('roster', 'the roster', [[PARTICIPANT_ID, nested('rosterEntry')]]);

export const rosterEntryShape = fixedShape('rosterEntry', 'a roster entry', {
  id: value(z.string().regex(PARTICIPANT_ID)),
  name: value(text(NAME_MAX)),
  side: value(z.enum(SIDES)),
  role: value(text(ROLE_MAX)),
  joinedAt: value(time),
  publicKey: value(z.string().regex(/^[A-Za-z0-9_-]{43}$/)),
});
