// The charter of one open workshop as the UI reads it: draft settings, the roster as a charter
// would freeze it, and every frozen version with its accepted and rejected signatures. Rebuilt
// from the doc when the charter or roster changes (locally or from the room); actions write
// through shared/charter's doc operations under the LOCAL origin, so they are stored and synced.
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readRoster, rosterMap, type Participant as BoardParticipant } from '../../../../shared/board';
import {
  charterMap,
  charterRosterOf,
  readCharterLedger,
  readDraftSettings,
  type CharterLedger,
  type CharterRoster,
  type DraftSettings,
} from '../../../../shared/charter';

export interface CharterViewState {
  readonly settings: DraftSettings;
  readonly boardRoster: readonly BoardParticipant[];
  readonly roster: CharterRoster;
  readonly ledger: CharterLedger;
}

export interface CharterStore extends StoreApi<CharterViewState> {
  readonly doc: Y.Doc;
  /** Follows the doc until the returned function is called. */
  connect(): () => void;
}

function read(doc: Y.Doc): CharterViewState {
  const boardRoster = readRoster(doc);
  return { settings: readDraftSettings(doc), boardRoster, roster: charterRosterOf(doc, boardRoster), ledger: readCharterLedger(doc) };
}

export function createCharterStore(doc: Y.Doc): CharterStore {
  const store = createStore<CharterViewState>()(() => read(doc));
  // Verifying every signature again on each keystroke elsewhere would be wasteful; the charter
  // and roster are all this view depends on besides the cards, which the board store provides.
  const refresh = () => store.setState(read(doc));
  const connect = () => {
    const charter = charterMap(doc);
    const roster = rosterMap(doc);
    charter.observe(refresh);
    roster.observeDeep(refresh);
    refresh();
    return () => {
      charter.unobserve(refresh);
      roster.unobserveDeep(refresh);
    };
  };
  return Object.assign(store, { doc, connect });
}
