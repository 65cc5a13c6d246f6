// React access to the open workshop's facilitation (null when no board is shown): its controller
// (the view derived from the doc) and its actions.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { EMPTY_VIEW, type FacilitationController, type FacilitationView } from './facilitationController';
import type { FacilitationActions } from './facilitationActions';

export interface Facilitation {
  readonly controller: FacilitationController;
  readonly actions: FacilitationActions;
}

export const FacilitationContext = createContext<Facilitation | null>(null);

export function useFacilitationContext(): Facilitation | null {
  return useContext(FacilitationContext);
}

// Without a board there is no facilitation; selectors then read a view in which nothing is set.
const emptyStore = createStore<FacilitationView>(() => EMPTY_VIEW);

/** Selects from the facilitation view; null when there is no facilitation (no board). */
export function useFacilitation<T>(selector: (view: FacilitationView) => T): T | null {
  const facilitation = useContext(FacilitationContext);
  const value = useStore(facilitation?.controller.store ?? emptyStore, selector);
  return facilitation ? value : null;
}
