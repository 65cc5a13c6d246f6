// React access to the open workshop's room controller (null when the board is not shown).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RoomController, RoomView } from './roomController';

export const RoomContext = createContext<RoomController | null>(null);

export function useRoomController(): RoomController | null {
  return useContext(RoomContext);
}

const emptyView: RoomView = { settings: null, phase: 'none', error: null, status: { signaling: 'connecting', peers: [], dropped: [], undecryptable: 0 }, present: [], roster: [] };
const fallbackStore = { getState: () => emptyView, getInitialState: () => emptyView, setState: () => undefined, subscribe: () => () => undefined };

/** Selects from the room's view; without a room it reads an empty one. */
export function useRoom<T>(selector: (view: RoomView) => T): T {
  const room = useRoomController();
  return useStore(room?.store ?? fallbackStore, selector);
}
