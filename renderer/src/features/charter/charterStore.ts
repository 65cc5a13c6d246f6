// The charter of one open workshop as the UI reads it: draft texts, the quorum rule and key checks
// the facilitator set, the roster as a charter would freeze it, and every frozen version with its
// accepted and rejected signatures and whether the facilitator froze it. Rebuilt from the doc
// when the charter or roster changes (locally or from the room), and when facilitation does.
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readRoster, rosterMap, type Participant as BoardParticipant } from '../../../../shared/board';
import {
  charterMap,
  charterRosterOf,
  DEFAULT_QUORUM,
  readCharterLedger,
  readDraftSettings,
  type CharterLedger,
  type CharterRoster,
  type DraftSettings,
  type QuorumRule,
  type VersionLedger,
} from '../../../../shared/charter';
import { NO_AUTHORITY, type CharterAuthority, type CharterAuthorityView } from './charterAuthority';

export interface CharterViewState {
  readonly settings: DraftSettings;
  /** The rule the next version freezes with: the facilitator's, else the default. */
  readonly quorum: QuorumRule;
  readonly boardRoster: readonly BoardParticipant[];
  readonly roster: CharterRoster;
  readonly ledger: CharterLedger;
  readonly authority: CharterAuthorityView;
}

/**
 * 'facilitator': the facilitator froze it (a signed action says so), so it may be signed.
 * 'older': frozen before facilitator keys, by whoever had the side "facilitator" then.
 * 'unauthorized': someone else stored it; nobody should sign it.
 */
export type VersionStanding = 'facilitator' | 'older' | 'unauthorized';

export function standingOf(version: VersionLedger, authority: CharterAuthorityView): VersionStanding {
  if (Object.hasOwn(authority.frozen, version.frozen.digest)) return 'facilitator';
  return version.frozen.charter.facilitator ? 'unauthorized' : 'older';
}

/** The version the next freeze builds on: the newest one the facilitator froze (or, before that, an older one). */
export function latestStanding(state: CharterViewState): VersionLedger | null {
  let best: VersionLedger | null = null;
  for (const v of state.ledger.versions) {
    if (standingOf(v, state.authority) === 'unauthorized') continue;
    if (!best || v.frozen.charter.version > best.frozen.charter.version) best = v;
  }
  return best;
}

export interface CharterStore extends StoreApi<CharterViewState> {
  readonly doc: Y.Doc;
  /** Follows the doc and facilitation until the returned function is called. */
  connect(): () => void;
}

function read(doc: Y.Doc, authority: CharterAuthorityView): CharterViewState {
  const boardRoster = readRoster(doc);
  return {
    settings: readDraftSettings(doc),
    quorum: authority.quorum ?? DEFAULT_QUORUM,
    boardRoster,
    roster: charterRosterOf(boardRoster, authority.checks),
    ledger: readCharterLedger(doc),
    authority,
  };
}

export function createCharterStore(doc: Y.Doc, authority: CharterAuthority | null): CharterStore {
  const view = () => authority?.read() ?? NO_AUTHORITY;
  const store = createStore<CharterViewState>()(() => read(doc, view()));
  // Verifying every signature again on each keystroke elsewhere would be wasteful; the charter,
  // roster and facilitation are all this view depends on besides the cards, which the board
  // store provides.
  const refresh = () => store.setState(read(doc, view()));
  const connect = () => {
    const charter = charterMap(doc);
    const roster = rosterMap(doc);
    charter.observe(refresh);
    roster.observeDeep(refresh);
    let last = view();
    const unsubscribe =
      authority?.subscribe(() => {
        const next = view();
        if (next !== last) {
          last = next;
          refresh();
        }
      }) ?? (() => undefined);
    refresh();
    return () => {
      charter.unobserve(refresh);
      roster.unobserveDeep(refresh);
      unsubscribe();
    };
  };
  return Object.assign(store, { doc, connect });
}
