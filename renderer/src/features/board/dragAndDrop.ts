// Drag and drop of cards between and within sections (HTML5 DnD). The drop position is worked
// out from the pointer's height against the cards of the section: a drop lands before the first
// card whose middle is below the pointer. So a drop on a card, in the gap between two cards, on
// the section's heading (the top) or below its last card (the end) each lands where it looks.
import type { DragEvent } from 'react';

export const CARD_DRAG_TYPE = 'application/x-bridgeboard-card';

export const isCardDrag = (event: DragEvent): boolean => event.dataTransfer.types.includes(CARD_DRAG_TYPE);

/** Where a card sits on screen: its id and the vertical extent of its box. */
export interface CardBox {
  readonly id: string;
  readonly top: number;
  readonly height: number;
}

/**
 * The index among the section's cards, without the dragged one, at which a drop at `clientY`
 * lands. `boxes` are the cards shown, in board order; `othersInSection` is how many cards the
 * section holds without the dragged one, when not all are shown yet (a long section's first
 * frame): below the last card shown is still the end of the section.
 */
export function dropIndex(clientY: number, boxes: readonly CardBox[], draggedId: string, othersInSection?: number): number {
  const others = boxes.filter((b) => b.id !== draggedId);
  const at = others.findIndex((b) => clientY < b.top + b.height / 2);
  return at < 0 ? (othersInSection ?? others.length) : at;
}

/** The boxes of the cards shown inside `container`, in document (board) order. */
export function cardBoxes(container: Element): CardBox[] {
  return Array.from(container.querySelectorAll<HTMLElement>('[data-card-id]'), (el) => {
    const box = el.getBoundingClientRect();
    return { id: el.dataset.cardId ?? '', top: box.top, height: box.height };
  });
}
