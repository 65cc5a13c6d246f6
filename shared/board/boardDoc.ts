// Where the board lives inside a Y.Doc. Everything that knows the doc's shape is here and in
// boardOps/boardSnapshot; nothing else touches Yjs types directly.
import * as Y from 'yjs';

export const SCHEMA_VERSION = 1;

/** Keys of a card's Y.Map. */
export interface CardShape {
  id: string;
  section: string;
  rank: string;
  author: string | null;
  side: string;
  status: string;
  createdAt: number;
  deleted: boolean;
  fields: Y.Map<string>;
  votes: Y.Map<number>;
}

export type CardMap = Y.Map<unknown>;

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const cardsMap = (doc: Y.Doc): Y.Map<CardMap> => doc.getMap('cards');

export function cardFields(card: CardMap): Y.Map<string> {
  const fields = card.get('fields');
  if (fields instanceof Y.Map) return fields as Y.Map<string>;
  throw new Error('card has no fields map');
}

export function cardVotes(card: CardMap): Y.Map<number> {
  const votes = card.get('votes');
  if (votes instanceof Y.Map) return votes as Y.Map<number>;
  throw new Error('card has no votes map');
}
