// Facilitation's actions, what its buttons call: each facilitator action is signed with this
// device's identity key and written to the doc, where every peer checks it against who holds
// the facilitator's authority; anyone casts their own ballot, signed with their key. Actions run
// one after another, so each takes the next sequence number after the one before it, and each
// says when it was made on the facilitator's clock (a co-facilitator's delegation ends then).
import { type SectionId } from '../../../../shared/board';
import {
  ballotSigningInput,
  checkSignedBallot,
  countedDigests,
  createRoundKeys,
  currentPhase,
  currentRound,
  encryptBallot,
  fixFacilitatorKey,
  authorityBoxKeys,
  readSignedBallotEntries,
  sealDots,
  sealRoundSecret,
  signAction,
  writeBallot,
  writeSignedAction,
  writeSignedBallot,
  type Agenda,
  type Dots,
  type FacilitatorAction,
  type Right,
} from '../../../../shared/facilitation';
import type { QuorumRule } from '../../../../shared/charter';
import { uuidv4 } from 'lib0/random';
import type { FacilitationController } from './facilitationController';
import { keepMyDots, keepRoundSecret, myBoxKeys } from './facilitationStorage';
import { roundSecretFor } from './roundSecrets';
import { FACILITATION } from '../../core/origins';
import { t } from '../../core/i18n';
import { UserError } from '../../core/userError';

/** Someone on the roster, as delegation and handover name them. */
export interface Delegate {
  readonly participantId: string;
  readonly name: string;
  readonly publicKey: string;
}

export interface FacilitationActions {
  /** Fixes my key as the facilitator's in a workshop that has none (one made before facilitator keys). */
  claim(): Promise<void>;
  movePhase(delta: -1 | 1): Promise<void>;
  setAgenda(agenda: Agenda): Promise<void>;
  startTimer(minutes: number): Promise<void>;
  pauseTimer(): Promise<void>;
  resumeTimer(): Promise<void>;
  extendTimer(minutes: number): Promise<void>;
  stopTimer(): Promise<void>;
  startVote(budget: number): Promise<void>;
  revealVotes(): Promise<void>;
  closeVote(): Promise<void>;
  setAnonymous(anonymous: boolean): Promise<void>;
  bringHere(section: SectionId, cardId: string | null): Promise<void>;
  /** My ballot for the open round (not a facilitator action: anyone votes). */
  castVote(dots: Dots): Promise<void>;
  /** Makes someone a co-facilitator with these rights for `hours` (the facilitator only). */
  delegate(to: Delegate, rights: readonly Right[], hours: number): Promise<void>;
  revoke(publicKey: string): Promise<void>;
  /** Hands the workshop over: `to` becomes the facilitator, and I hold nothing (the facilitator only). */
  handOver(to: Delegate): Promise<void>;
  /** Publishes my box key, so vote secrets can be sealed to me. */
  publishBoxKey(): Promise<void>;
  /** Seals the open round's secret to another authority holder's box key. */
  shareRound(roundId: string, to: string, boxKey: string): Promise<void>;
  setQuorum(rule: QuorumRule): Promise<void>;
  markChecked(participantId: string, publicKey: string, checked: boolean): Promise<void>;
  /** Records that the charter version with this digest was frozen by the facilitator. */
  recordFreeze(version: number, digest: string): Promise<void>;
}

export function createFacilitationActions(c: FacilitationController): FacilitationActions {
  let queue: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const now = () => Math.round(c.facilitatorNow());
  const perform = (make: () => FacilitatorAction | null): Promise<void> =>
    serial(async () => {
      const view = c.store.getState();
      if (!view.myKey) throw new UserError(view.identityError ?? t('facilitation.error.keyNotLoaded'));
      const made = make();
      if (!made) return;
      const action = { ...made, at: made.at ?? now() } as FacilitatorAction;
      const signed = await signAction((input) => c.host.identity.signFacilitatorAction(input), c.workshopId, view.state.lastSeq + 1, action, view.myKey);
      writeSignedAction(c.doc, signed, FACILITATION);
    });
  const minutes = (n: number) => Math.round(n * 60_000);
  const openRound = () => {
    const round = currentRound(c.store.getState().state);
    return round && round.status === 'open' ? round : null;
  };

  return {
    claim: () =>
      serial(async () => {
        const identity = await c.host.identity.get();
        fixFacilitatorKey(c.doc, identity.publicKey, c.me().participantId, FACILITATION);
      }),
    movePhase: (delta) =>
      perform(() => {
        const { state } = c.store.getState();
        const phases = state.agenda.phases;
        const at = phases.findIndex((p) => p.id === currentPhase(state)?.id);
        const next = phases[at === -1 ? (delta > 0 ? 0 : -1) : at + delta];
        return next ? { type: 'phase.set', phaseId: next.id } : null;
      }),
    setAgenda: (agenda) => perform(() => ({ type: 'agenda.set', agenda })),
    startTimer: (m) => perform(() => ({ type: 'timer.start', durationMs: minutes(m), at: now() })),
    pauseTimer: () => perform(() => ({ type: 'timer.pause', at: now() })),
    resumeTimer: () => perform(() => ({ type: 'timer.resume', at: now() })),
    extendTimer: (m) => perform(() => ({ type: 'timer.extend', byMs: minutes(m), at: now() })),
    stopTimer: () => perform(() => ({ type: 'timer.stop' })),
    startVote: (budget) =>
      perform(() => {
        const { state, myKey } = c.store.getState();
        const roundId = uuidv4().replace(/-/g, '').slice(0, 16);
        const keys = createRoundKeys();
        // Kept here until the reveal, and sealed to everyone else who may reveal it.
        keepRoundSecret(c.vault, roundId, keys.secretKey);
        const sealedFor = Object.fromEntries(
          authorityBoxKeys(state)
            .filter(([signingKey]) => signingKey !== myKey)
            .map(([signingKey, boxKey]) => [signingKey, sealRoundSecret(c.workshopId, { roundId }, { signingKey, boxKey }, keys.secretKey)]),
        );
        return { type: 'voting.start', roundId, budget, publicKey: keys.publicKey, signed: true, sealedFor };
      }),
    revealVotes: () =>
      perform(() => {
        const round = openRound();
        if (!round) return null;
        const secretKey = roundSecretFor(c, round);
        if (!secretKey) throw new UserError(t('facilitation.error.cannotOpenVote'));
        return { type: 'voting.reveal', roundId: round.roundId, secretKey, counted: countedDigests(c.doc, c.workshopId, round) };
      }),
    closeVote: () =>
      perform(() => {
        const round = currentRound(c.store.getState().state);
        return round ? { type: 'voting.close', roundId: round.roundId } : null;
      }),
    setAnonymous: (anonymous) => perform(() => ({ type: 'anonymity.set', anonymous })),
    bringHere: (section, cardId) => perform(() => ({ type: 'bring.here', section, cardId })),
    castVote: (dots) =>
      serial(async () => {
        const round = openRound();
        if (!round) throw new UserError(t('facilitation.error.noVote'));
        const me = c.me();
        const ctx = { workshopId: c.workshopId, roundId: round.roundId, voterId: me.participantId };
        keepMyDots(c.vault, round.roundId, dots);
        if (!round.signed) {
          // A round an older version started: its ballots are not signed.
          writeBallot(c.doc, round.roundId, encryptBallot(round.publicKey, me.side, dots, ctx), FACILITATION);
          return;
        }
        const identity = await c.host.identity.get();
        // The revision after my newest valid one (entries others wrote under my name do not count).
        const mine = (readSignedBallotEntries(c.doc, round.roundId).get(me.participantId) ?? []).filter((e) => checkSignedBallot(e.entry, ctx, e.n, identity.publicKey) !== null);
        const n = Math.max(0, ...mine.map((e) => e.n)) + 1;
        const box = sealDots(round.publicKey, dots, ctx);
        const signature = await c.host.identity.signBallot(ballotSigningInput(ctx, n, box));
        writeSignedBallot(c.doc, round.roundId, { v: 2, voterId: me.participantId, n, box, publicKey: identity.publicKey, signature }, FACILITATION);
      }),
    delegate: (to, rights, hours) =>
      perform(() => ({ type: 'delegation.grant', delegate: to.publicKey, participantId: to.participantId, name: to.name, rights: [...rights], expiresAt: now() + Math.round(hours * 3_600_000), at: now() })),
    revoke: (publicKey) => perform(() => ({ type: 'delegation.revoke', delegate: publicKey, at: now() })),
    handOver: (to) => perform(() => ({ type: 'handover', to: to.publicKey, participantId: to.participantId, name: to.name, at: now() })),
    publishBoxKey: () => perform(() => ({ type: 'delegate.boxKey', boxKey: myBoxKeys(c.vault).publicKey })),
    shareRound: (roundId, to, boxKey) =>
      perform(() => {
        const round = openRound();
        if (round?.roundId !== roundId) return null;
        const secretKey = roundSecretFor(c, round);
        return secretKey ? { type: 'voting.share', roundId, to, sealed: sealRoundSecret(c.workshopId, round, { signingKey: to, boxKey }, secretKey) } : null;
      }),
    setQuorum: (rule) => perform(() => ({ type: 'charter.quorum', rule })),
    markChecked: (participantId, publicKey, checked) => perform(() => ({ type: 'charter.check', participantId, publicKey, checked })),
    recordFreeze: (version, digest) => perform(() => ({ type: 'charter.freeze', version, digest })),
  };
}
