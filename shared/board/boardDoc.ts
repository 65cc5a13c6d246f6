// Where the board lives inside a Y.Doc: the workshop's meta and the cards, reached through the
// doc's roots. What a root holds is `unknown` until read: a card a peer wrote in another shape is
// not a card (cardAt answers null), so board code never calls a method on something that is not
// a Y.Map.
import * as Y from 'yjs';
import { docRoot } from '../doc/roots';

export type CardMap = Y.Map<unknown>;

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => docRoot(doc, 'meta');
export const cardsMap = (doc: Y.Doc): Y.Map<unknown> => docRoot(doc, 'cards');

const asMap = (value: unknown): Y.Map<unknown> | null => (value instanceof Y.Map ? (value as Y.Map<unknown>) : null);

/** The card's map, or null when there is no card by that id or it is not a map. */
export const cardAt = (doc: Y.Doc, id: string): CardMap | null => asMap(cardsMap(doc).get(id));

/** A card's fields map, or null when the card has none that is a map. */
export const cardFields = (card: CardMap): Y.Map<unknown> | null => asMap(card.get('fields'));

/** A card's legacy votes map (dots by voter name), or null. */
export const cardVotes = (card: CardMap): Y.Map<unknown> | null => asMap(card.get('votes'));

/** A card's rank, or '' when it has none that is text (such a card sorts first). */
export function cardRank(card: CardMap | null): string {
  const rank = card?.get('rank');
  return typeof rank === 'string' ? rank : '';
}
