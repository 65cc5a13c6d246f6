// How this device lays the board out, a UI choice kept apart from the doc: "columns" (a row of
// full columns that scrolls sideways inside the board) or "overview" (all eight sections at once
// in the window, compact cards, each section scrolling on its own). Remembered per device.
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';

export type BoardLayout = 'columns' | 'overview';

const KEY = 'bridgeboard.boardLayout';

function stored(): BoardLayout {
  try {
    return localStorage.getItem(KEY) === 'overview' ? 'overview' : 'columns';
  } catch {
    return 'columns';
  }
}

export const boardLayoutStore = createStore<{ layout: BoardLayout }>(() => ({ layout: stored() }));

export function setBoardLayout(layout: BoardLayout): void {
  boardLayoutStore.setState({ layout });
  try {
    localStorage.setItem(KEY, layout);
  } catch {
    // Not remembered (storage full or off): the choice still holds until the page reloads.
  }
}

export const useBoardLayout = (): BoardLayout => useSyncExternalStore(boardLayoutStore.subscribe, () => boardLayoutStore.getState().layout);
