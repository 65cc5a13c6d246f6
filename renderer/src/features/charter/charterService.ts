// The charter of one open workshop: its store (the view of the doc's charter) and its actions,
// made once by the session and followed until it closes.
import { createCharterActions, type CharterActions, type CharterDeps } from './charterActions';
import { createCharterStore, type CharterStore } from './charterStore';

export interface CharterService {
  readonly store: CharterStore;
  readonly actions: CharterActions;
  /** Follows the doc until stop(). */
  start(): void;
  stop(): void;
}

export function createCharterService(deps: CharterDeps): CharterService {
  const store = createCharterStore(deps.doc);
  let disconnect: (() => void) | null = null;
  return {
    store,
    actions: createCharterActions(deps),
    start: () => {
      disconnect ??= store.connect();
    },
    stop: () => {
      disconnect?.();
      disconnect = null;
    },
  };
}
