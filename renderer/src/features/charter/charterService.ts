// The charter of one open workshop: its store (the view of the doc's charter), its actions, and
// what it tells the user as versions await their signature, meet their quorum and are sealed;
// made once by the session and followed until it closes.
import { createCharterActions, type CharterActions, type CharterDeps } from './charterActions';
import { announceChanges, charterSignals } from './charterSignals';
import { createCharterStore, type CharterStore } from './charterStore';

export interface CharterService {
  readonly store: CharterStore;
  readonly actions: CharterActions;
  /** My participant id, whose signature the charter asks for. */
  readonly me: () => string;
  /** Follows the doc until stop(). */
  start(): void;
  stop(): void;
}

export function createCharterService(deps: CharterDeps): CharterService {
  const store = createCharterStore(deps.doc, deps.authority);
  let disconnect: (() => void) | null = null;
  return {
    store,
    actions: createCharterActions(deps),
    me: deps.me,
    start: () => {
      if (disconnect) return;
      const stopStore = store.connect();
      // What awaits my signature is told on opening too; quorums and seals only as they happen.
      const initial = charterSignals(store.getState(), deps.me());
      announceChanges({ ...initial, awaitingMe: [] }, initial, store.getState());
      let signals = initial;
      const stopSignals = store.subscribe((state) => {
        const next = charterSignals(state, deps.me());
        announceChanges(signals, next, state);
        signals = next;
      });
      disconnect = () => {
        stopSignals();
        stopStore();
      };
    },
    stop: () => {
      disconnect?.();
      disconnect = null;
    },
  };
}
