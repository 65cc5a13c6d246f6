// Slots: places on the board that other features fill (their toolbar items, what they show on a
// section or a card), given by whoever composes the board. The board knows their shape, not
// who fills them, so it depends on no other feature.
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { SectionId } from '../../../../shared/board';

export interface BoardSlots {
  /** Toolbar items after undo and redo (room, charter, history, export…). */
  readonly toolbar: ReactNode;
  /** Shown in a section's header, below its add button (e.g. who is there, the phase's note). */
  readonly SectionDecoration: ComponentType<{ readonly section: SectionId }> | null;
  /** Shown in a card's meta line (e.g. who is on the card). */
  readonly CardDecoration: ComponentType<{ readonly cardId: string }> | null;
}

export const emptySlots: BoardSlots = { toolbar: null, SectionDecoration: null, CardDecoration: null };

export const BoardSlotsContext = createContext<BoardSlots>(emptySlots);

export const useBoardSlots = (): BoardSlots => useContext(BoardSlotsContext);
