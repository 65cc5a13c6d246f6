// Facilitation's actions, what its buttons call: each facilitator action is signed with this
// device's identity key and written to the doc, where every peer checks it; anyone casts their
// own ballot. Actions run one after another, so each takes the next sequence number after the
// one before it.
import { type SectionId } from '../../../../shared/board';
import {
  ballotDigest,
  ballotEntry,
  createRoundKeys,
  currentPhase,
  currentRound,
  encryptBallot,
  readBallotEntries,
  signAction,
  writeAuthorityClaim,
  writeBallot,
  writeSignedAction,
  type Agenda,
  type Dots,
  type FacilitatorAction,
} from '../../../../shared/facilitation';
import { uuidv4 } from 'lib0/random';
import type { FacilitationController } from './facilitationController';
import { keepMyDots, keepRoundSecret, roundSecret } from './facilitationStorage';
import { FACILITATION } from '../../core/origins';

export interface FacilitationActions {
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
}

export function createFacilitationActions(c: FacilitationController): FacilitationActions {
  let queue: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const perform = (make: () => FacilitatorAction | null): Promise<void> =>
    serial(async () => {
      const view = c.store.getState();
      if (!view.myKey) throw new Error(view.identityError ?? 'Your signing key is not loaded yet.');
      const action = make();
      if (!action) return;
      const signed = await signAction((input) => c.host.identity.signFacilitatorAction(input), c.workshopId, view.state.lastSeq + 1, action, view.myKey);
      writeSignedAction(c.doc, signed, FACILITATION);
    });
  const minutes = (n: number) => Math.round(n * 60_000);
  const now = () => Math.round(c.facilitatorNow());

  return {
    claim: () =>
      serial(async () => {
        const identity = await c.host.identity.get();
        const me = c.me();
        writeAuthorityClaim(c.doc, { publicKey: identity.publicKey, participantId: me.participantId, name: me.name }, FACILITATION);
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
        const roundId = uuidv4().replace(/-/g, '').slice(0, 16);
        const keys = createRoundKeys();
        // Kept only here until the reveal: whoever holds it can read the ballots.
        keepRoundSecret(c.vault, roundId, keys.secretKey);
        return { type: 'voting.start', roundId, budget, publicKey: keys.publicKey };
      }),
    revealVotes: () =>
      perform(() => {
        const round = currentRound(c.store.getState().state);
        if (!round || round.status !== 'open') return null;
        const secretKey = roundSecret(c.vault, round.roundId);
        if (!secretKey) throw new Error('This device did not start the vote, so it does not hold the key that reveals it.');
        const counted = [...readBallotEntries(c.doc, round.roundId).values()].filter((e): e is string => typeof e === 'string').map(ballotDigest);
        return { type: 'voting.reveal', roundId: round.roundId, secretKey, counted };
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
        const round = currentRound(c.store.getState().state);
        if (!round || round.status !== 'open') throw new Error('No vote is open.');
        const me = c.me();
        const ballot = encryptBallot(round.publicKey, me.side, dots, { workshopId: c.workshopId, roundId: round.roundId, voterId: me.participantId });
        keepMyDots(c.vault, round.roundId, dots);
        // Remembered first: writing it makes the controller check that what is stored is mine.
        c.rememberBallot(round.roundId, ballotEntry(ballot));
        writeBallot(c.doc, round.roundId, ballot, FACILITATION);
      }),
  };
}
