// The order of cards within a section: by fractional rank, ties (from concurrent moves) by id,
// so every peer sorts identically.
import * as Y from 'yjs';
import { cardRank, cardsMap } from './boardDoc';

export function compareRank(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ids of the live cards of a section, in board order; entries that are not cards are passed over. */
export function orderedIds(doc: Y.Doc, section: string): string[] {
  const found: { rank: string; id: string }[] = [];
  cardsMap(doc).forEach((card, id) => {
    if (!(card instanceof Y.Map)) return;
    if (card.get('section') === section && card.get('deleted') !== true) found.push({ rank: cardRank(card as Y.Map<unknown>), id });
  });
  return found.sort(compareRank).map((c) => c.id);
}
