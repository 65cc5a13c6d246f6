// React access to the open workshop's charter (provided by the session while a board is open).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CharterService } from './charterService';
import type { CharterViewState } from './charterStore';

export const CharterContext = createContext<CharterService | null>(null);

export function useCharterService(): CharterService {
  const service = useContext(CharterContext);
  if (!service) throw new Error('useCharterService outside CharterContext');
  return service;
}

export const useCharterState = <T,>(selector: (state: CharterViewState) => T): T => useStore(useCharterService().store, selector);
