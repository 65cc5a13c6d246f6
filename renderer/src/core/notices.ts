// UI-only state shared across views: the theme and the notices shown in the status region.
// Kept apart from board stores, which hold document state only.
//
// Notices go away by themselves, the way a reader expects (issue 15, point 6): an information
// notice after the time it takes to read it, never while the pointer or the keyboard focus is on
// the notices (WCAG 2.2.2: what moves away by itself can be paused); an error stays until it is
// dismissed, and only the newest few of each kind are kept, so they cannot pile up over a page.
// The same sentence again replaces the one shown rather than stacking a copy. Screen readers hear
// each notice as it is added (StatusRegion's live regions); taking one away is not announced.
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
  /** While true (pointer over or focus in the notices), nothing is taken away by itself. */
  holdNotices(held: boolean): void;
  announce(text: string): void;
}

const THEME_KEY = 'bridgeboard.theme';
/** At most this many of each kind are shown; a newer one takes the oldest one's place. */
export const MAX_NOTICES_PER_KIND = 3;
/** After the pointer or focus leaves, a notice whose time ran out stays at least this long. */
export const NOTICE_GRACE_MS = 2_000;

/**
 * How long an information notice stays: five seconds, plus about what a slow reader needs for
 * its length (some 15 characters a second, i.e. 180 words a minute), at most twenty seconds.
 */
export function readingTimeMs(text: string): number {
  return Math.min(20_000, 5_000 + [...text].length * 65);
}

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

let nextId = 1;
/** The time left for each information notice, and its running timer (none while held). */
const timers = new Map<number, { left: number; startedAt: number; handle: ReturnType<typeof setTimeout> | null }>();
let held = false;

function startTimer(id: number, left: number): void {
  const entry = timers.get(id);
  if (!entry) return;
  entry.left = left;
  entry.startedAt = Date.now();
  entry.handle = setTimeout(() => uiStore.getState().dismiss(id), left);
}

function stopTimer(id: number): void {
  const entry = timers.get(id);
  if (entry?.handle) clearTimeout(entry.handle);
  timers.delete(id);
}

/** The newest `MAX_NOTICES_PER_KIND` of each kind, in the order they came. */
function keepNewest(notices: readonly Notice[]): Notice[] {
  const kept: Notice[] = [];
  const counts: Record<NoticeKind, number> = { error: 0, info: 0 };
  for (let i = notices.length - 1; i >= 0; i--) {
    const notice = notices[i];
    if (notice && counts[notice.kind]++ < MAX_NOTICES_PER_KIND) kept.unshift(notice);
  }
  return kept;
}

export const uiStore = createStore<UiState>()((set, get) => ({
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
  notify: (kind, text) => {
    const id = nextId++;
    const before = get().notices;
    const same = before.filter((n) => n.kind === kind && n.text === text);
    same.forEach((n) => stopTimer(n.id));
    const notices = keepNewest([...before.filter((n) => !same.includes(n)), { id, kind, text }]);
    for (const n of before) if (!notices.includes(n)) stopTimer(n.id);
    if (kind === 'info') {
      timers.set(id, { left: readingTimeMs(text), startedAt: Date.now(), handle: null });
      if (!held) startTimer(id, readingTimeMs(text));
    }
    set({ notices });
  },
  dismiss: (id) => {
    stopTimer(id);
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
  holdNotices: (hold) => {
    if (hold === held) return;
    held = hold;
    const now = Date.now();
    for (const [id, entry] of timers) {
      if (hold) {
        if (entry.handle) clearTimeout(entry.handle);
        entry.handle = null;
        entry.left -= now - entry.startedAt;
      } else {
        startTimer(id, Math.max(entry.left, NOTICE_GRACE_MS));
      }
    }
  },
  // A trailing no-break space alternates so the same sentence twice is still read twice.
  announce: (text) => set((s) => ({ announcement: s.announcement === text ? `${text}\u00a0` : text })),
}));

export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(uiStore, selector);
export const notifyError = (text: string): void => uiStore.getState().notify('error', text);
export const notifyInfo = (text: string): void => uiStore.getState().notify('info', text);
export const announce = (text: string): void => uiStore.getState().announce(text);
