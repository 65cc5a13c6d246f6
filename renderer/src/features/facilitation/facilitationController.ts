// Facilitation for one open workshop: derives the shared state from the doc (signed actions
// checked against the workshop's facilitator key, which this device pins), says who holds the
// facilitator's authority and whether I do, feeds the board its policy (closed sections,
// anonymity), keeps the clock offset to the facilitator, follows them when asked, and moves to
// where "bring everyone here" points. What the buttons do lives in facilitationActions.ts, what
// an authority holder's app does by itself in facilitationDuties.ts. No React here.
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { metaMap, readRoster, rosterMap, type Participant, type SectionId, type Side } from '../../../../shared/board';
import {
  ballotsCast,
  createCheckCache,
  createClockOffsetEstimator,
  currentPhase,
  currentRound,
  facilitationMap,
  foldActions,
  holdsAuthority,
  INITIAL_STATE,
  missingFromDoc,
  readActionEntries,
  readFacilitatorKey,
  remember,
  resolveAuthority,
  RIGHTS,
  roundResults,
  sectionOpen,
  withRemembered,
  type Authority,
  type CoFacilitator,
  type FacilitationState,
  type Right,
  type RoundResults,
} from '../../../../shared/facilitation';
import type { Host } from '../../host/Host';
import type { WorkshopVault } from '../../core/workshopVault';
import type { BoardStore } from '../board';
import { describeError } from '../../core/describeError';
import { sectionTitle, t } from '../../core/i18n';
import { phaseInLanguage } from './builtInAgenda';
import { FACILITATION } from '../../core/origins';
import { pinKey, pinnedKey } from './facilitationStorage';
import { keyFingerprint } from './keyFingerprint';
import { CLOCK_INTERVAL_MS, publishClock, readFacilitatorPresence } from './presenceChannel';

export interface Me {
  readonly participantId: string;
  readonly name: string;
  readonly side: Side;
}

/** The workshop's facilitator: the key whose actions apply, and whom it belongs to. */
export interface FacilitatorIdentity {
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly name: string;
  readonly participantId: string | null;
  /** 'workshop': fixed when the workshop was created; 'handover': handed over to since. */
  readonly since: 'workshop' | 'handover';
}

export interface FacilitationView {
  readonly state: FacilitationState;
  /** Who facilitates; null while the workshop has no facilitator key (an older workshop not yet claimed). */
  readonly facilitator: FacilitatorIdentity | null;
  readonly authority: Authority;
  /** This device's public key; null until the host has loaded it (or if it cannot). */
  readonly myKey: string | null;
  readonly identityError: string | null;
  /** I hold the facilitator's authority now: I am the facilitator or a co-facilitator whose delegation runs. */
  readonly isFacilitator: boolean;
  /** I am the facilitator (not a co-facilitator): only I can delegate and hand over. */
  readonly isPrimary: boolean;
  /** What my actions may do now: every right for the facilitator, the delegated ones for a co-facilitator. */
  readonly myRights: readonly Right[];
  /** My delegation, if I am a co-facilitator (expired or not). */
  readonly myDelegation: CoFacilitator | null;
  /** Milliseconds to add to Date.now() for the facilitator's clock. */
  readonly offsetMs: number;
  readonly facilitatorHere: boolean;
  readonly ballotsCast: Readonly<Record<Side, number>>;
  readonly results: RoundResults | null;
  readonly following: boolean;
  /** Refused entries this peer has already told the user about. */
  readonly seenRefused: ReadonlySet<string>;
  /** The workshop's participants, to delegate to and hand over to. */
  readonly roster: readonly Participant[];
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
  dispose(): void;
}

const noBallots: Record<Side, number> = { IT: 0, OT: 0, facilitator: 0 };

/** The view where there is no workshop open. */
export const EMPTY_VIEW: FacilitationView = {
  state: INITIAL_STATE,
  facilitator: null,
  authority: { publicKey: null, contested: false, pinNow: null },
  myKey: null,
  identityError: null,
  isFacilitator: false,
  isPrimary: false,
  myRights: [],
  myDelegation: null,
  offsetMs: 0,
  facilitatorHere: false,
  ballotsCast: noBallots,
  results: null,
  following: false,
  seenRefused: new Set(),
  roster: [],
};

export interface FacilitationDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  readonly board: BoardStore;
  readonly vault: WorkshopVault;
  readonly me: () => Me;
  /** Takes this peer to a place on the board ("bring everyone here", following). */
  readonly navigate: (section: SectionId, cardId: string | null) => void;
}

/** Who the facilitator is: the handover names them; else the workshop's meta; their roster entry gives the current name. */
function identify(doc: Y.Doc, state: FacilitationState, roster: readonly Participant[]): FacilitatorIdentity | null {
  const f = state.facilitator;
  if (!f) return null;
  const fixed = readFacilitatorKey(doc);
  const participantId = f.participantId ?? (fixed?.publicKey === f.publicKey ? fixed.participantId : null);
  const entry = roster.find((p) => p.id === participantId);
  const metaName = metaMap(doc).get('facilitator');
  const name = entry?.name ?? f.name ?? (typeof metaName === 'string' && metaName.trim() ? metaName : 'the facilitator');
  return { publicKey: f.publicKey, fingerprint: keyFingerprint(f.publicKey), name, participantId, since: f.since };
}

export function createFacilitationController({ host, doc, board, vault, me, navigate }: FacilitationDeps): FacilitationController {
  const workshopId = vault.workshopId;
  const cache = createCheckCache();
  const estimator = createClockOffsetEstimator();
  let awareness: Awareness | null = null;
  let clockTimer: ReturnType<typeof setInterval> | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastFollowed = '';
  const remembered = new Map<string, string>();
  let healing = false;
  // The update guard refuses a peer's change to a logged action, so this is a second line: an
  // authority holder writes back any applied action that is missing from the doc.
  const heal = (docEntries: readonly (readonly [string, unknown])[]): void => {
    if (healing || missingFromDoc(docEntries, remembered).length === 0) return;
    healing = true;
    setTimeout(() => {
      healing = false;
      const missing = missingFromDoc(readActionEntries(doc), remembered);
      if (missing.length > 0) doc.transact(() => missing.forEach(([key, value]) => facilitationMap(doc).set(key, value)), FACILITATION);
    }, 0);
  };

  const facilitatorNow = (): number => Date.now() + (store?.getState().isPrimary ? 0 : (store?.getState().offsetMs ?? 0));

  type Derived = Omit<FacilitationView, 'identityError' | 'offsetMs' | 'facilitatorHere' | 'seenRefused'>;
  const derive = (myKey: string | null, following: boolean): Derived => {
    const authority = resolveAuthority(readFacilitatorKey(doc), pinnedKey(vault));
    if (authority.pinNow) pinKey(vault, authority.pinNow);
    const docEntries = readActionEntries(doc);
    const entries = withRemembered(docEntries, remembered);
    const state = foldActions(entries, workshopId, authority.publicKey, cache);
    remember(remembered, entries, state.appliedKeys);
    const now = facilitatorNow();
    const isPrimary = myKey !== null && myKey === state.facilitator?.publicKey;
    const myDelegation = myKey ? (state.coFacilitators.find((c) => c.publicKey === myKey) ?? null) : null;
    const isFacilitator = holdsAuthority(state, myKey, now);
    const myRights = isPrimary ? RIGHTS : isFacilitator && myDelegation ? myDelegation.rights : [];
    if (isFacilitator) heal(docEntries);
    const round = currentRound(state);
    const participants = readRoster(doc);
    return {
      state,
      facilitator: identify(doc, state, participants),
      roster: participants,
      authority,
      myKey,
      isFacilitator,
      isPrimary,
      myRights,
      myDelegation,
      ballotsCast: round ? ballotsCast(doc, workshopId, round) : noBallots,
      results: round ? roundResults(doc, workshopId, round) : null,
      following,
    };
  };

  let store: StoreApi<FacilitationView> | null = null;
  const initial = derive(null, false);
  const view = createStore<FacilitationView>(() => ({
    ...initial,
    identityError: null,
    offsetMs: 0,
    facilitatorHere: false,
    // What was refused before I opened the board is listed, but not announced again.
    seenRefused: new Set(initial.state.refused.map((r) => r.key)),
  }));
  store = view;
  let lastBring = initial.state.bring?.seq ?? null;

  const presenceKey = (v: Pick<FacilitationView, 'facilitator' | 'state'>): string => [v.facilitator?.participantId, ...v.state.coFacilitators.map((c) => c.participantId)].join('\n');
  const refresh = (): void => {
    const current = view.getState();
    const next = derive(current.myKey, current.following);
    view.setState(next);
    // Whose presence to look for changed (the doc just named the facilitator): look now, not at
    // the next presence message, or "not here now" shows beside someone who is here.
    if (presenceKey(current) !== presenceKey(next)) onAwareness();
    // A delegation ends with the facilitator's clock, not with a change to the doc.
    if (expiryTimer !== null) clearTimeout(expiryTimer);
    expiryTimer = null;
    const ends = next.myDelegation?.expiresAt;
    if (ends !== undefined && next.isFacilitator) expiryTimer = setTimeout(refresh, Math.min(2 ** 31 - 1, Math.max(0, ends - facilitatorNow() + 50)));
    const bring = next.state.bring;
    if (bring && bring.seq !== lastBring) {
      lastBring = bring.seq;
      if (!next.isFacilitator) navigate(bring.section, bring.cardId);
    }
  };

  const map = facilitationMap(doc);
  const meta = metaMap(doc);
  const roster = rosterMap(doc);
  let started = false;
  let unsubscribePolicy: () => void = () => undefined;
  const start = (): void => {
    if (started) return;
    started = true;
    const mayRun = (): boolean => view.getState().myRights.includes('run');
    const policy = {
      closedReason: (section: SectionId) => {
        const { state } = view.getState();
        // The facilitator tidies up in any phase (e.g. marks vote winners agreed during the vote).
        if (mayRun() || sectionOpen(state, section)) return null;
        return t('facilitation.closed', { section: sectionTitle(t, section), phase: ((phase) => (phase ? phaseInLanguage(t, phase).title : ''))(currentPhase(state)) });
      },
      anonymous: () => view.getState().state.anonymous,
      access: (section: SectionId) => {
        const { state } = view.getState();
        return sectionOpen(state, section) ? 'open' : mayRun() ? 'closed-to-others' : 'read-only';
      },
    } as const;
    board.setPolicy(policy);
    // The policy's answers follow the phase and who I am: the board hears when they change.
    unsubscribePolicy = view.subscribe(() => board.setPolicy(policy));
    map.observe(refresh);
    // The facilitator's key (schema 3) and name live in the meta.
    meta.observe(refresh);
    // Ballots count by their voter's key on the roster, and names come from it.
    roster.observeDeep(refresh);
    host.identity.get().then(
      (identity) => {
        if (!started) return;
        view.setState({ myKey: identity.publicKey });
        refresh();
      },
      (e: unknown) => view.setState({ identityError: describeError(e, t('facilitation.doing.loadKey')) }),
    );
    refresh();
  };

  /** Whose presence carries the clock and the place to follow: the facilitator, else a co-facilitator who is here. */
  const clockSource = () => {
    if (!awareness) return null;
    const { facilitator, state } = view.getState();
    const ids = [facilitator?.participantId, ...state.coFacilitators.map((c) => c.participantId)].filter((id): id is string => typeof id === 'string');
    for (const id of ids) {
      const presence = readFacilitatorPresence(awareness, id);
      if (presence) return presence;
    }
    return null;
  };

  const onAwareness = (): void => {
    if (!awareness) return;
    const presence = clockSource();
    if (presence?.clock != null) estimator.observe(presence.clock, Date.now());
    view.setState({ facilitatorHere: presence !== null, offsetMs: view.getState().isPrimary ? 0 : estimator.offset(Date.now()) });
    const loc = presence?.location;
    if (view.getState().following && loc?.section) {
      const key = `${loc.section}/${loc.cardId ?? ''}`;
      if (key !== lastFollowed) {
        lastFollowed = key;
        navigate(loc.section, loc.cardId);
      }
    }
  };

  // The facilitator's app is the clock; a co-facilitator's stands in while the facilitator is away.
  const tick = (): void => {
    const current = view.getState();
    if (awareness && (current.isPrimary || (current.isFacilitator && !current.facilitatorHere))) publishClock(awareness, facilitatorNow());
  };

  return {
    store: view,
    workshopId,
    doc,
    host,
    board,
    vault,
    me,
    facilitatorNow,
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
      view.setState({ following });
      if (following) onAwareness();
    },
    markRefusedSeen: () => view.setState({ seenRefused: new Set(view.getState().state.refused.map((r) => r.key)) }),
    start,
    dispose: () => {
      started = false;
      map.unobserve(refresh);
      meta.unobserve(refresh);
      roster.unobserveDeep(refresh);
      if (expiryTimer !== null) clearTimeout(expiryTimer);
      expiryTimer = null;
      awareness?.off('change', onAwareness);
      if (clockTimer !== null) clearInterval(clockTimer);
      unsubscribePolicy();
      board.setPolicy(null);
    },
  };
}
