// Facilitation for one open workshop: derives the shared state from the doc (signed actions
// checked against the pinned facilitator key), feeds the board its policy (closed sections,
// anonymity), keeps the clock offset to the facilitator, follows them when asked, and moves to
// where "bring everyone here" points. Commands live in facilitatorCommands.ts. No React here.
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { sectionSpec, type SectionId, type Side } from '../../../../shared/board';
import {
  ballotsCast,
  createCheckCache,
  createClockOffsetEstimator,
  currentPhase,
  currentRound,
  ballotKey,
  facilitationMap,
  INITIAL_STATE,
  readBallotEntries,
  readAuthorityClaim,
  foldActions,
  missingFromDoc,
  readActionEntries,
  remember,
  withRemembered,
  writeAuthorityClaim,
  resolveAuthority,
  roundResults,
  sectionOpen,
  type Authority,
  type AuthorityClaim,
  type FacilitationState,
  type RoundResults,
} from '../../../../shared/facilitation';
import type { Host } from '../../host/Host';
import type { WorkshopVault } from '../../core/workshopVault';
import type { BoardStore } from '../board';
import { describeError } from '../../core/describeError';
import { FACILITATION } from '../../core/origins';
import { keepMyBallot, keepPinnedClaim, myBallot, pinKey, pinnedClaim, pinnedKey } from './facilitationStorage';
import { CLOCK_INTERVAL_MS, publishClock, readFacilitatorPresence } from './presenceChannel';

export interface Me {
  readonly participantId: string;
  readonly name: string;
  readonly side: Side;
}

export interface FacilitationView {
  readonly state: FacilitationState;
  readonly claim: AuthorityClaim | null;
  readonly authority: Authority;
  /** This device's public key; null until the host has loaded it (or if it cannot). */
  readonly myKey: string | null;
  readonly identityError: string | null;
  /** My key is the pinned facilitator key: my actions apply. */
  readonly isFacilitator: boolean;
  /** Milliseconds to add to Date.now() for the facilitator's clock. */
  readonly offsetMs: number;
  readonly facilitatorHere: boolean;
  readonly ballotsCast: Readonly<Record<Side, number>>;
  readonly results: RoundResults | null;
  readonly following: boolean;
  /** Refused entries this peer has already told the user about. */
  readonly seenRefused: ReadonlySet<string>;
  /** How often my ballot in a round was replaced by another device and put back (this session). */
  readonly ballotRestored: { readonly roundId: string; readonly count: number } | null;
}

export interface FacilitationController {
  readonly store: StoreApi<FacilitationView>;
  readonly workshopId: string;
  readonly doc: Y.Doc;
  readonly host: Host;
  readonly board: BoardStore;
  readonly vault: WorkshopVault;
  me(): Me;
  /** The facilitator's clock now, as this peer estimates it. */
  facilitatorNow(): number;
  attachAwareness(awareness: Awareness | null): void;
  /** Watches the doc, loads my key and fills the board's policy; start after dispose starts afresh. */
  start(): void;
  setFollowing(following: boolean): void;
  markRefusedSeen(): void;
  /** Remembers the ballot entry I wrote in a round, so a replacement by someone else is undone. */
  rememberBallot(roundId: string, entry: string): void;
  dispose(): void;
}

const noBallots: Record<Side, number> = { IT: 0, OT: 0, facilitator: 0 };

/** The view where there is no workshop open. */
export const EMPTY_VIEW: FacilitationView = {
  state: INITIAL_STATE,
  claim: null,
  authority: { publicKey: null, contested: false, pinNow: null },
  myKey: null,
  identityError: null,
  isFacilitator: false,
  offsetMs: 0,
  facilitatorHere: false,
  ballotsCast: noBallots,
  results: null,
  following: false,
  seenRefused: new Set(),
  ballotRestored: null,
};

/** The shortest time between two restorations of my ballot. */
const RESTORE_MS = 2_000;

export interface FacilitationDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  readonly board: BoardStore;
  readonly vault: WorkshopVault;
  readonly me: () => Me;
  /** Takes this peer to a place on the board ("bring everyone here", following). */
  readonly navigate: (section: SectionId, cardId: string | null) => void;
}

export function createFacilitationController({ host, doc, board, vault, me, navigate }: FacilitationDeps): FacilitationController {
  const workshopId = vault.workshopId;
  const cache = createCheckCache();
  const estimator = createClockOffsetEstimator();
  let awareness: Awareness | null = null;
  let clockTimer: ReturnType<typeof setInterval> | null = null;
  let lastFollowed = '';
  const remembered = new Map<string, string>();
  let healing = false;
  // The facilitator writes back any of its actions a peer erased, after the current event.
  const heal = (docEntries: readonly (readonly [string, unknown])[], lostClaim: AuthorityClaim | null): void => {
    if (healing || (lostClaim === null && missingFromDoc(docEntries, remembered).length === 0)) return;
    healing = true;
    setTimeout(() => {
      healing = false;
      const missing = missingFromDoc(readActionEntries(doc), remembered);
      doc.transact(() => {
        missing.forEach(([key, value]) => facilitationMap(doc).set(key, value));
        // Someone overwrote my claim: newcomers must pin my key, not theirs.
        if (lostClaim) writeAuthorityClaim(doc, lostClaim, FACILITATION);
      }, FACILITATION);
    }, 0);
  };

  // Ballots are not signed, so anyone holding the room secret can write one under my name. While
  // the vote is open, my app puts mine back (at most every RESTORE_MS, so a stubborn writer
  // cannot make two apps flood the room); what the reveal lists is then mine.
  // What I wrote is read from this device's storage each time, which all my tabs share: a newer
  // ballot from another tab of mine is mine too, not something to undo.
  let restoreTimer: ReturnType<typeof setTimeout> | null = null;
  let lastRestore = 0;
  const guardMyBallot = (state: FacilitationState): void => {
    const round = currentRound(state);
    if (!round || round.status !== 'open' || restoreTimer !== null) return;
    const voterId = me().participantId;
    const mineNow = (): string | null => myBallot(vault, round.roundId, voterId);
    const replaced = (): boolean => {
      const mine = mineNow();
      return mine !== null && readBallotEntries(doc, round.roundId).get(voterId) !== mine;
    };
    if (!replaced()) return;
    restoreTimer = setTimeout(() => {
      restoreTimer = null;
      lastRestore = Date.now();
      const now = currentRound(store.getState().state);
      const mine = mineNow();
      if (now?.roundId !== round.roundId || now.status !== 'open' || mine === null || !replaced()) return;
      doc.transact(() => facilitationMap(doc).set(ballotKey(round.roundId, voterId), mine), FACILITATION);
      const before = store.getState().ballotRestored;
      store.setState({ ballotRestored: { roundId: round.roundId, count: before?.roundId === round.roundId ? before.count + 1 : 1 } });
    }, Math.max(0, lastRestore + RESTORE_MS - Date.now()));
  };

  const derive = (myKey: string | null, following: boolean): Omit<FacilitationView, 'identityError' | 'offsetMs' | 'facilitatorHere' | 'seenRefused' | 'ballotRestored'> => {
    const docClaim = readAuthorityClaim(doc);
    const authority = resolveAuthority(docClaim, pinnedKey(vault));
    if (authority.pinNow) pinKey(vault, authority.pinNow);
    // Whose name to show: the claim that came with the pinned key, whatever the doc now says.
    const trusted = docClaim !== null && docClaim.publicKey === authority.publicKey;
    if (trusted) keepPinnedClaim(vault, docClaim);
    const claim = trusted ? docClaim : authority.publicKey ? pinnedClaim(vault) : null;
    const docEntries = readActionEntries(doc);
    const entries = withRemembered(docEntries, remembered);
    const state = foldActions(entries, workshopId, authority.publicKey, cache);
    remember(remembered, entries, state.appliedKeys);
    const isFacilitator = myKey !== null && myKey === authority.publicKey;
    if (isFacilitator) heal(docEntries, trusted ? null : claim);
    const round = currentRound(state);
    return {
      state,
      claim,
      authority,
      myKey,
      isFacilitator,
      ballotsCast: round ? ballotsCast(doc, round) : noBallots,
      results: round ? roundResults(doc, workshopId, round) : null,
      following,
    };
  };

  const initial = derive(null, false);
  const store = createStore<FacilitationView>(() => ({
    ...initial,
    identityError: null,
    offsetMs: 0,
    facilitatorHere: false,
    // What was refused before I opened the board is listed, but not announced again.
    seenRefused: new Set(initial.state.refused.map((r) => r.key)),
    ballotRestored: null,
  }));
  let lastBring = initial.state.bring?.seq ?? null;

  const refresh = (): void => {
    const view = store.getState();
    const next = derive(view.myKey, view.following);
    store.setState(next);
    guardMyBallot(next.state);
    const bring = next.state.bring;
    if (bring && bring.seq !== lastBring) {
      lastBring = bring.seq;
      if (!next.isFacilitator) navigate(bring.section, bring.cardId);
    }
  };

  const map = facilitationMap(doc);
  let started = false;
  let unsubscribePolicy: () => void = () => undefined;
  const start = (): void => {
    if (started) return;
    started = true;
    const policy = {
      closedReason: (section: SectionId) => {
        const { state, isFacilitator } = store.getState();
        // The facilitator tidies up in any phase (e.g. marks vote winners agreed during the vote).
        if (isFacilitator || sectionOpen(state, section)) return null;
        return `${sectionSpec(section).title} is closed during the “${currentPhase(state)?.title ?? ''}” phase; the facilitator opens it in a later phase.`;
      },
      anonymous: () => store.getState().state.anonymous,
      access: (section: SectionId) => {
        const { state, isFacilitator } = store.getState();
        return sectionOpen(state, section) ? 'open' : isFacilitator ? 'closed-to-others' : 'read-only';
      },
    } as const;
    board.setPolicy(policy);
    // The policy's answers follow the phase and who I am: the board hears when they change.
    unsubscribePolicy = store.subscribe(() => board.setPolicy(policy));
    map.observe(refresh);
    host.identity.get().then(
      (identity) => {
        if (!started) return;
        store.setState({ myKey: identity.publicKey });
        refresh();
      },
      (e: unknown) => store.setState({ identityError: describeError(e, 'Loading your signing key') }),
    );
    refresh();
  };

  const onAwareness = (): void => {
    const claim = store.getState().claim;
    if (!awareness || !claim) return;
    const presence = readFacilitatorPresence(awareness, claim.participantId);
    if (presence?.clock != null) estimator.observe(presence.clock, Date.now());
    store.setState({ facilitatorHere: presence !== null, offsetMs: store.getState().isFacilitator ? 0 : estimator.offset(Date.now()) });
    const loc = presence?.location;
    if (store.getState().following && loc?.section) {
      const key = `${loc.section}/${loc.cardId ?? ''}`;
      if (key !== lastFollowed) {
        lastFollowed = key;
        navigate(loc.section, loc.cardId);
      }
    }
  };

  const tick = (): void => {
    if (awareness && store.getState().isFacilitator) publishClock(awareness, Date.now());
  };

  return {
    store,
    workshopId,
    doc,
    host,
    board,
    vault,
    me,
    facilitatorNow: () => Date.now() + (store.getState().isFacilitator ? 0 : store.getState().offsetMs),
    attachAwareness: (next) => {
      awareness?.off('change', onAwareness);
      if (clockTimer !== null) clearInterval(clockTimer);
      clockTimer = null;
      estimator.reset();
      awareness = next;
      if (!awareness) return;
      awareness.on('change', onAwareness);
      clockTimer = setInterval(tick, CLOCK_INTERVAL_MS);
      tick();
      onAwareness();
    },
    setFollowing: (following) => {
      lastFollowed = '';
      store.setState({ following });
      if (following) onAwareness();
    },
    markRefusedSeen: () => store.setState({ seenRefused: new Set(store.getState().state.refused.map((r) => r.key)) }),
    rememberBallot: (roundId, entry) => keepMyBallot(vault, roundId, me().participantId, entry),
    start,
    dispose: () => {
      started = false;
      if (restoreTimer !== null) clearTimeout(restoreTimer);
      restoreTimer = null;
      map.unobserve(refresh);
      awareness?.off('change', onAwareness);
      if (clockTimer !== null) clearInterval(clockTimer);
      unsubscribePolicy();
      board.setPolicy(null);
    },
  };
}
