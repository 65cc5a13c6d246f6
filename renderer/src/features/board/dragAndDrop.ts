// Drag and drop of cards between and within sections (HTML5 DnD). The drop position is worked
// out from the card under the pointer: above its middle drops before it, below drops after.
import type { DragEvent } from 'react';
import type { Card } from '../../../../shared/board';

export const CARD_DRAG_TYPE = 'application/x-bridgeboard-card';

export const isCardDrag = (event: DragEvent): boolean => event.dataTransfer.types.includes(CARD_DRAG_TYPE);

/** The index among `cards` (without the dragged one) at which a drop at the pointer lands. */
export function dropIndex(event: DragEvent, cards: readonly Card[], draggedId: string): number {
  const others = cards.filter((c) => c.id !== draggedId);
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-card-id]') : null;
  const targetId = target?.dataset.cardId;
  const at = others.findIndex((c) => c.id === targetId);
  if (!target || at < 0) return others.length;
  const box = target.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2 ? at + 1 : at;
}
