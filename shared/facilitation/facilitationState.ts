// The facilitation state every peer derives from the doc: the signed actions that pass every
// check, applied in sequence order. Who may act is part of the state: the workshop's
// facilitator key (fixed when the workshop was created and pinned by every peer), the
// co-facilitators it delegated to (until their delegation expires or is revoked), and whoever
// it handed the workshop over to. An action signed by anyone else changes nothing and is listed
// as refused, like a forged, tampered or replayed one. The log is a set of entries in a Y.Map,
// so every peer holding the same entries derives the same state, whatever the order they came.
import type * as Y from 'yjs';
import type { SectionId } from '../board';
import type { QuorumRule } from '../charter/charterSchema';
import type { SealedBox } from '../crypto/sealedBox';
import { BUILT_IN_AGENDA, type Agenda, type Phase } from './agenda';
import { describeAction, rightFor, type FacilitatorAction, type Right } from './actions';
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
  /** Ballots must be signed by their voters (rounds started since schema 3). */
  readonly signed: boolean;
  /** The round's secret sealed to co-facilitators, by their signing key. */
  readonly sealedFor: Readonly<Record<string, SealedBox>>;
}

export interface RefusedAction {
  readonly key: string;
  readonly reason: RefusalReason;
  /** e.g. "move to phase "vote"", or "an unreadable action" (English, for logs). */
  readonly what: string;
  /** The action as parsed, for words in the reader's language; null when it could not be read. */
  readonly action: FacilitatorAction | null;
  readonly seq: number | null;
  readonly publicKey: string | null;
}

export interface BringEveryone {
  readonly seq: number;
  readonly section: SectionId;
  readonly cardId: string | null;
}

/** Who holds the facilitator's authority now. */
export interface Facilitator {
  readonly publicKey: string;
  /** Known once a handover named them; the workshop's creator is named by the doc's meta. */
  readonly participantId: string | null;
  readonly name: string | null;
  readonly since: 'workshop' | 'handover';
  /** X25519 key vote secrets are sealed to; null until they published one. */
  readonly boxKey: string | null;
}

export interface CoFacilitator {
  readonly publicKey: string;
  readonly participantId: string;
  readonly name: string;
  /** The facilitator's clock; their actions must say they were made before it. */
  readonly expiresAt: number;
  readonly rights: readonly Right[];
  /** X25519 key vote secrets are sealed to; null until they published one. */
  readonly boxKey: string | null;
}

export interface KeyCheckState {
  readonly publicKey: string;
  readonly checked: boolean;
  /** Whose signed action marked it. */
  readonly by: string;
}

export interface FacilitationState {
  /** The key the log was read against: the workshop's facilitator key (null: none yet). */
  readonly authorityKey: string | null;
  readonly facilitator: Facilitator | null;
  readonly coFacilitators: readonly CoFacilitator[];
  readonly agenda: Agenda;
  /** null before the facilitator starts the agenda: then every section is open. */
  readonly phaseId: string | null;
  readonly timer: TimerState;
  /** In the order they were started; the last is the current one. */
  readonly rounds: readonly VoteRound[];
  readonly anonymous: boolean;
  readonly bring: BringEveryone | null;
  /** The quorum rule the next version freezes with; null: the default. */
  readonly quorum: QuorumRule | null;
  /** In-person key checks by participant id. */
  readonly checks: Readonly<Record<string, KeyCheckState>>;
  /** Charter versions the facilitator froze, by digest. */
  readonly frozen: Readonly<Record<string, { readonly version: number; readonly by: string }>>;
  /** The highest sequence number applied; the next action takes the one after. */
  readonly lastSeq: number;
  /** Log keys of the actions applied, so a peer can remember them (rememberedActions.ts). */
  readonly appliedKeys: readonly string[];
  readonly refused: readonly RefusedAction[];
}

export const INITIAL_STATE: FacilitationState = {
  authorityKey: null,
  facilitator: null,
  coFacilitators: [],
  agenda: BUILT_IN_AGENDA,
  phaseId: null,
  timer: IDLE_TIMER,
  rounds: [],
  anonymous: false,
  bring: null,
  quorum: null,
  checks: {},
  frozen: {},
  lastSeq: 0,
  appliedKeys: [],
  refused: [],
};

/** Whether `signer` may take `action` now, in the state before it. */
export function mayAct(state: FacilitationState, signed: SignedAction): boolean {
  const signer = signed.publicKey;
  if (state.facilitator?.publicKey === signer) return true;
  const right = rightFor(signed.action.type);
  const co = state.coFacilitators.find((c) => c.publicKey === signer);
  if (!co || right === null || (right !== 'any' && !co.rights.includes(right))) return false;
  const at = 'at' in signed.action ? signed.action.at : undefined;
  return at !== undefined && at <= co.expiresAt;
}

const withRound = (state: FacilitationState, roundId: string, change: (r: VoteRound) => VoteRound): readonly VoteRound[] =>
  state.rounds.map((r) => (r.roundId === roundId ? change(r) : r));

function apply(state: FacilitationState, signed: SignedAction): FacilitationState {
  const action = signed.action;
  const base = { ...state, lastSeq: Math.max(state.lastSeq, signed.seq) };
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
      const round: VoteRound = { roundId: action.roundId, budget: action.budget, publicKey: action.publicKey, status: 'open', secretKey: null, counted: [], signed: action.signed === true, sealedFor: action.sealedFor ?? {} };
      return { ...base, rounds: [...closed, round] };
    }
    case 'voting.share':
      return { ...base, rounds: withRound(state, action.roundId, (r) => ({ ...r, sealedFor: { ...r.sealedFor, [action.to]: action.sealed } })) };
    case 'voting.reveal':
      return {
        ...base,
        rounds: withRound(state, action.roundId, (r) => (r.secretKey === null && keysMatch(r.publicKey, action.secretKey) ? { ...r, status: 'revealed', secretKey: action.secretKey, counted: action.counted } : r)),
      };
    case 'voting.close':
      return { ...base, rounds: withRound(state, action.roundId, (r) => (r.status === 'open' ? { ...r, status: 'closed' } : r)) };
    case 'anonymity.set':
      return { ...base, anonymous: action.anonymous };
    case 'bring.here':
      return { ...base, bring: { seq: signed.seq, section: action.section, cardId: action.cardId } };
    case 'delegation.grant': {
      const others = state.coFacilitators.filter((c) => c.publicKey !== action.delegate);
      const previous = state.coFacilitators.find((c) => c.publicKey === action.delegate);
      if (action.delegate === state.facilitator?.publicKey) return base;
      return { ...base, coFacilitators: [...others, { publicKey: action.delegate, participantId: action.participantId, name: action.name, expiresAt: action.expiresAt, rights: action.rights, boxKey: previous?.boxKey ?? null }] };
    }
    case 'delegation.revoke':
      return { ...base, coFacilitators: state.coFacilitators.filter((c) => c.publicKey !== action.delegate) };
    case 'handover':
      return {
        ...base,
        facilitator: { publicKey: action.to, participantId: action.participantId, name: action.name, since: 'handover', boxKey: state.coFacilitators.find((c) => c.publicKey === action.to)?.boxKey ?? null },
        // Whoever takes over is no longer a co-facilitator: they hold it all.
        coFacilitators: state.coFacilitators.filter((c) => c.publicKey !== action.to),
      };
    case 'delegate.boxKey':
      if (state.facilitator?.publicKey === signed.publicKey) return { ...base, facilitator: { ...state.facilitator, boxKey: action.boxKey } };
      return { ...base, coFacilitators: state.coFacilitators.map((c) => (c.publicKey === signed.publicKey ? { ...c, boxKey: action.boxKey } : c)) };
    case 'charter.quorum':
      return { ...base, quorum: action.rule };
    case 'charter.check':
      return { ...base, checks: { ...state.checks, [action.participantId]: { publicKey: action.publicKey, checked: action.checked, by: signed.publicKey } } };
    case 'charter.freeze':
      return state.frozen[action.digest] ? base : { ...base, frozen: { ...state.frozen, [action.digest]: { version: action.version, by: signed.publicKey } } };
  }
}

/** Remembers signature checks across folds: the log only grows, and Ed25519 checks are not free. */
export type CheckCache = Map<string, ActionCheck>;
export const createCheckCache = (): CheckCache => new Map();

export function foldActions(entries: readonly (readonly [string, unknown])[], workshopId: string, authorityKey: string | null, cache: CheckCache = new Map()): FacilitationState {
  const refused: RefusedAction[] = [];
  const valid: { key: string; signed: SignedAction }[] = [];
  for (const [key, value] of entries) {
    let check = typeof value === 'string' ? cache.get(value) : undefined;
    if (!check) {
      check = checkSignedAction(value, workshopId);
      if (typeof value === 'string') cache.set(value, check);
    }
    if (check.ok) valid.push({ key, signed: check.signed });
    else refused.push({ key, reason: check.reason, what: check.action ? describeAction(check.action) : 'an unreadable action', action: check.action, seq: check.seq, publicKey: check.publicKey });
  }
  // Sequence order, ties by signature, then by log key: the same total order on every peer.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  valid.sort((a, b) => a.signed.seq - b.signed.seq || cmp(a.signed.signature, b.signed.signature) || cmp(a.key, b.key));
  let state: FacilitationState = { ...INITIAL_STATE, authorityKey, facilitator: authorityKey ? { publicKey: authorityKey, participantId: null, name: null, since: 'workshop', boxKey: null } : null };
  const appliedKeys: string[] = [];
  const lastBySigner = new Map<string, number>();
  for (const { key, signed } of valid) {
    const refuse = (reason: RefusalReason) => refused.push({ key, reason, what: describeAction(signed.action), action: signed.action, seq: signed.seq, publicKey: signed.publicKey });
    if (!mayAct(state, signed)) {
      refuse('wrong-key');
      continue;
    }
    // A signer's sequence number used again is a replay (or a copy): it may not act twice.
    if (signed.seq <= (lastBySigner.get(signed.publicKey) ?? 0)) {
      refuse('replayed');
      continue;
    }
    lastBySigner.set(signed.publicKey, signed.seq);
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

/** Whether `section`'s cards may be added, edited, moved or deleted in the current phase. */
export function sectionOpen(state: FacilitationState, section: SectionId): boolean {
  const phase = currentPhase(state);
  return phase === null || phase.openSections.includes(section);
}

/**
 * Whether `publicKey` holds the facilitator's powers now (the facilitator, or a co-facilitator
 * whose delegation has not expired at `now`), all of them or the one `right` names.
 */
export function holdsAuthority(state: FacilitationState, publicKey: string | null, now: number, right?: Right): boolean {
  if (!publicKey) return false;
  if (state.facilitator?.publicKey === publicKey) return true;
  const co = state.coFacilitators.find((c) => c.publicKey === publicKey);
  return co !== undefined && now <= co.expiresAt && (right === undefined || co.rights.includes(right));
}

/** Everyone a vote's secret is sealed to: the facilitator and every co-facilitator with a box key. */
export function authorityBoxKeys(state: FacilitationState): [signingKey: string, boxKey: string][] {
  const out: [string, string][] = [];
  if (state.facilitator?.boxKey) out.push([state.facilitator.publicKey, state.facilitator.boxKey]);
  for (const c of state.coFacilitators) if (c.boxKey && c.rights.includes('votes')) out.push([c.publicKey, c.boxKey]);
  return out;
}

/** The context a vote's secret is sealed under, for one recipient. */
export const roundSecretContext = (workshopId: string, roundId: string, to: string): string => ['bridgeboard-round-secret-v1', workshopId, roundId, to].join('\n');
