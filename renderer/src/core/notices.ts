// UI-only state shared across views: the theme and the notices shown in the status region.
// Kept apart from board stores, which hold document state only.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type Theme = 'light' | 'dark';
export type NoticeKind = 'error' | 'info';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly text: string;
}

interface UiState {
  /** null follows the system's prefers-color-scheme. */
  readonly theme: Theme | null;
  readonly notices: readonly Notice[];
  /** Read out by screen readers only (e.g. where a moved card landed). */
  readonly announcement: string;
  setTheme(theme: Theme): void;
  notify(kind: NoticeKind, text: string): void;
  dismiss(id: number): void;
  announce(text: string): void;
}

const THEME_KEY = 'bridgeboard.theme';
const MAX_NOTICES = 4;

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

let nextId = 1;

export const uiStore = createStore<UiState>()((set) => ({
  theme: storedTheme(),
  notices: [],
  announcement: '',
  setTheme: (theme) => {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Private mode: the choice lasts for this session only.
    }
    set({ theme });
  },
  notify: (kind, text) => set((s) => ({ notices: [...s.notices, { id: nextId++, kind, text }].slice(-MAX_NOTICES) })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  // A trailing no-break space alternates so the same sentence twice is still read twice.
  announce: (text) => set((s) => ({ announcement: s.announcement === text ? `${text}\u00a0` : text })),
}));

export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(uiStore, selector);
export const notifyError = (text: string): void => uiStore.getState().notify('error', text);
export const notifyInfo = (text: string): void => uiStore.getState().notify('info', text);
export const announce = (text: string): void => uiStore.getState().announce(text);
