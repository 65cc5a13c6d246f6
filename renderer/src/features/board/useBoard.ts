// React access to the open workshop's board store (provided by whoever shows the board), the
// access of each section under the store's policy, and focus helpers.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SectionId } from '../../../../shared/board';
import type { BoardState, BoardStore, SectionAccess } from './boardStore';

export const BoardStoreContext = createContext<BoardStore | null>(null);

export function useBoardStore(): BoardStore {
  const store = useContext(BoardStoreContext);
  if (!store) throw new Error('useBoard outside BoardStoreContext');
  return store;
}

export function useBoard<T>(selector: (state: BoardState) => T): T {
  return useStore(useBoardStore(), selector);
}

/** Whether cards of `section` may change now: 'read-only' for me, 'closed-to-others' when only I (the facilitator) may. */
export function useSectionAccess(section: SectionId): SectionAccess {
  return useBoard((s) => s.access[section] ?? 'open');
}

/** Moves focus to a control of a card after React has re-rendered it (e.g. after a move). */
export function focusCardControl(cardId: string, control: string): void {
  requestAnimationFrame(() => {
    const card = document.querySelector(`[data-card-id="${CSS.escape(cardId)}"]`);
    const wanted = card?.querySelector<HTMLButtonElement>(`[data-control="${control}"]`);
    // A button that the move disabled (e.g. "down" on the last card) cannot hold focus.
    const target = wanted && !wanted.disabled ? wanted : card?.querySelector<HTMLElement>('[data-control="edit"]');
    target?.focus();
  });
}
