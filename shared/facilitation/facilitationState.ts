// The facilitation state every peer derives from the doc: the facilitator's signed actions that
// pass every check, applied in sequence order. Invalid ones (forged, unsigned, wrong key,
// tampered, replayed) change nothing and are listed as refused. The log is a set of entries in a
// Y.Map, so every peer holding the same entries derives the same state, whatever the order they
// arrived in.
import type * as Y from 'yjs';
import type { SectionId } from '../board';
import { BUILT_IN_AGENDA, type Agenda, type Phase } from './agenda';
import { describeAction } from './actions';
import { keysMatch } from './ballots';
import { readActionEntries } from './facilitationDoc';
import { checkSignedAction, type ActionCheck, type RefusalReason, type SignedAction } from './signedAction';
import { applyTimerAction, IDLE_TIMER, type TimerState } from './timer';

export interface VoteRound {
  readonly roundId: string;
  readonly budget: number;
  readonly publicKey: string;
  readonly status: 'open' | 'revealed' | 'closed';
  /** Published by the reveal; null while the votes are hidden. */
  readonly secretKey: string | null;
  /** Digests of the ballots the reveal counts. */
  readonly counted: readonly string[];
}

export interface RefusedAction {
  readonly key: string;
  readonly reason: RefusalReason;
  /** e.g. "move to phase "vote"", or "an unreadable action". */
  readonly what: string;
  readonly seq: number | null;
  readonly publicKey: string | null;
}

export interface BringEveryone {
  readonly seq: number;
  readonly section: SectionId;
  readonly cardId: string | null;
}

export interface FacilitationState {
  readonly authorityKey: string | null;
  readonly agenda: Agenda;
  /** null before the facilitator starts the agenda: then every section is open. */
  readonly phaseId: string | null;
  readonly timer: TimerState;
  /** In the order they were started; the last is the current one. */
  readonly rounds: readonly VoteRound[];
  readonly anonymous: boolean;
  readonly bring: BringEveryone | null;
  /** The highest sequence number applied; the facilitator's next action takes the one after. */
  readonly lastSeq: number;
  /** Log keys of the actions applied, so a peer can remember them (rememberedActions.ts). */
  readonly appliedKeys: readonly string[];
  readonly refused: readonly RefusedAction[];
}

export const INITIAL_STATE: FacilitationState = {
  authorityKey: null,
  agenda: BUILT_IN_AGENDA,
  phaseId: null,
  timer: IDLE_TIMER,
  rounds: [],
  anonymous: false,
  bring: null,
  lastSeq: 0,
  appliedKeys: [],
  refused: [],
};

function apply(state: FacilitationState, signed: SignedAction): FacilitationState {
  const action = signed.action;
  const base = { ...state, lastSeq: signed.seq };
  switch (action.type) {
    case 'agenda.set': {
      const keepsPhase = action.agenda.phases.some((p) => p.id === state.phaseId);
      return { ...base, agenda: action.agenda, phaseId: keepsPhase ? state.phaseId : null };
    }
    case 'phase.set':
      return state.agenda.phases.some((p) => p.id === action.phaseId) ? { ...base, phaseId: action.phaseId } : base;
    case 'timer.start':
    case 'timer.pause':
    case 'timer.resume':
    case 'timer.extend':
    case 'timer.stop':
      return { ...base, timer: applyTimerAction(state.timer, action) };
    case 'voting.start': {
      if (state.rounds.some((r) => r.roundId === action.roundId)) return base;
      // Starting a round closes any round still open: one vote at a time.
      const closed = state.rounds.map((r) => (r.status === 'open' ? { ...r, status: 'closed' as const } : r));
      return { ...base, rounds: [...closed, { roundId: action.roundId, budget: action.budget, publicKey: action.publicKey, status: 'open', secretKey: null, counted: [] }] };
    }
    case 'voting.reveal':
      return {
        ...base,
        rounds: state.rounds.map((r) =>
          r.roundId === action.roundId && r.secretKey === null && keysMatch(r.publicKey, action.secretKey)
            ? { ...r, status: 'revealed', secretKey: action.secretKey, counted: action.counted }
            : r,
        ),
      };
    case 'voting.close':
      return { ...base, rounds: state.rounds.map((r) => (r.roundId === action.roundId && r.status === 'open' ? { ...r, status: 'closed' } : r)) };
    case 'anonymity.set':
      return { ...base, anonymous: action.anonymous };
    case 'bring.here':
      return { ...base, bring: { seq: signed.seq, section: action.section, cardId: action.cardId } };
  }
}

/** Remembers signature checks across folds: the log only grows, and Ed25519 checks are not free. */
export type CheckCache = Map<string, ActionCheck>;
export const createCheckCache = (): CheckCache => new Map();

export function foldActions(entries: readonly (readonly [string, unknown])[], workshopId: string, authorityKey: string | null, cache: CheckCache = new Map()): FacilitationState {
  const refused: RefusedAction[] = [];
  const valid: { key: string; signed: SignedAction }[] = [];
  for (const [key, value] of entries) {
    const cacheKey = `${authorityKey ?? ''}\n${typeof value === 'string' ? value : key}`;
    let check = typeof value === 'string' ? cache.get(cacheKey) : undefined;
    if (!check) {
      check = checkSignedAction(value, workshopId, authorityKey);
      if (typeof value === 'string') cache.set(cacheKey, check);
    }
    if (check.ok) valid.push({ key, signed: check.signed });
    else refused.push({ key, reason: check.reason, what: check.action ? describeAction(check.action) : 'an unreadable action', seq: check.seq, publicKey: check.publicKey });
  }
  // Sequence order, ties by signature, then by log key: the same total order on every peer.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  valid.sort((a, b) => a.signed.seq - b.signed.seq || cmp(a.signed.signature, b.signed.signature) || cmp(a.key, b.key));
  let state: FacilitationState = { ...INITIAL_STATE, authorityKey };
  const appliedKeys: string[] = [];
  for (const { key, signed } of valid) {
    // A sequence number already used is a replay (or a copy): it may not act twice.
    if (signed.seq <= state.lastSeq) {
      refused.push({ key, reason: 'replayed', what: describeAction(signed.action), seq: signed.seq, publicKey: signed.publicKey });
      continue;
    }
    state = apply(state, signed);
    appliedKeys.push(key);
  }
  refused.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ...state, appliedKeys, refused };
}

export const readFacilitation = (doc: Y.Doc, workshopId: string, authorityKey: string | null, cache?: CheckCache): FacilitationState =>
  foldActions(readActionEntries(doc), workshopId, authorityKey, cache);

export function currentPhase(state: FacilitationState): Phase | null {
  return state.agenda.phases.find((p) => p.id === state.phaseId) ?? null;
}

export const currentRound = (state: FacilitationState): VoteRound | null => state.rounds.at(-1) ?? null;

/** Whether cards in `section` may be added, edited, moved or deleted in the current phase. */
export function sectionOpen(state: FacilitationState, section: SectionId): boolean {
  const phase = currentPhase(state);
  return phase === null || phase.openSections.includes(section);
}
