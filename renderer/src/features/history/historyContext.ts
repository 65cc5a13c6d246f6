// React access to the open workshop's history (provided by the session while a board is open).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HistoryService, HistoryView } from './historyService';

export const HistoryContext = createContext<HistoryService | null>(null);

export function useHistoryService(): HistoryService {
  const service = useContext(HistoryContext);
  if (!service) throw new Error('useHistoryService outside HistoryContext');
  return service;
}

export const useHistory = <T,>(selector: (view: HistoryView) => T): T => useStore(useHistoryService().store, selector);
