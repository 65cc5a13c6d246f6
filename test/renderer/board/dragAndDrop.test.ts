// Where a dragged card lands: decided by the pointer's height against the section's cards.
import { describe, expect, it } from 'vitest';
import { dropIndex, type CardBox } from '../../../renderer/src/features/board/dragAndDrop';

// Three cards 100 px tall with 10 px gaps, from y = 200: A 200–300, B 310–410, C 420–520.
const boxes: CardBox[] = [
  { id: 'A', top: 200, height: 100 },
  { id: 'B', top: 310, height: 100 },
  { id: 'C', top: 420, height: 100 },
];

describe('dropIndex', () => {
  it.each([
    ['on the section heading, above every card', 50, 'X', 0],
    ['on the upper half of the first card', 210, 'X', 0],
    ['on the lower half of the first card', 290, 'X', 1],
    ['in the gap between the first and second card', 305, 'X', 1],
    ['on the upper half of the last card', 430, 'X', 2],
    ['below the last card', 700, 'X', 3],
  ])('a card from elsewhere dropped %s lands at %i', (_where, y, dragged, expected) => {
    expect(dropIndex(y, boxes, dragged)).toBe(expected);
  });

  it('counts positions without the dragged card, so moving within a section is exact', () => {
    // A dragged onto the lower half of B lands between B and C: index 1 among [B, C].
    expect(dropIndex(400, boxes, 'A')).toBe(1);
    // C dragged onto the upper half of A goes first.
    expect(dropIndex(205, boxes, 'C')).toBe(0);
    // A dropped where it already is stays first.
    expect(dropIndex(210, boxes, 'A')).toBe(0);
  });

  it('lands at the end of a long section below the last card shown, while the rest is still to render', () => {
    // Three of 40 cards shown; the dragged card comes from elsewhere.
    expect(dropIndex(700, boxes, 'X', 40)).toBe(40);
    expect(dropIndex(305, boxes, 'X', 40)).toBe(1);
  });

  it('lands at the start of an empty section', () => {
    expect(dropIndex(300, [], 'X')).toBe(0);
    expect(dropIndex(250, [{ id: 'X', top: 200, height: 100 }], 'X')).toBe(0);
  });
});
