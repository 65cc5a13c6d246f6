// The facilitator's actions: the only writes that change the shared facilitation state. Each is
// signed (signedAction.ts); this file says what an action may contain, so a peer parses every
// action before it counts.
import { z } from 'zod';
import { SECTION_IDS } from '../board';
import { quorumRuleSchema } from '../charter/charterSchema';
import { sealedBoxSchema } from '../crypto/sealedBox';
import { agendaSchema } from './agenda';

const time = z.number().int().min(0).max(8.64e15);
/** When the signer acted (its clock); required of a co-facilitator, whose delegation expires. */
const at = { at: time.optional() };
const participantId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const name = z.string().trim().min(1).max(80);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const ms = z.number().int().min(1_000).max(24 * 3600_000);
const roundId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);
/** base64url of a raw 32-byte X25519 key. */
const key32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const facilitatorActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agenda.set'), agenda: agendaSchema, ...at }).strict(),
  z.object({ type: z.literal('phase.set'), phaseId: z.string().min(1).max(40), ...at }).strict(),
  /** `at` is the facilitator's clock when they pressed the button. */
  z.object({ type: z.literal('timer.start'), durationMs: ms, at: time }).strict(),
  z.object({ type: z.literal('timer.pause'), at: time }).strict(),
  z.object({ type: z.literal('timer.resume'), at: time }).strict(),
  z.object({ type: z.literal('timer.extend'), byMs: ms, at: time }).strict(),
  z.object({ type: z.literal('timer.stop'), ...at }).strict(),
  /** `signed`: ballots must be signed by their voters (every round since schema 3). `sealedFor`:
   *  the round's secret sealed to each co-facilitator's box key (by their signing key), so any
   *  of them can reveal the vote. */
  z
    .object({
      type: z.literal('voting.start'),
      roundId,
      budget: z.number().int().min(1).max(20),
      publicKey: key32,
      signed: z.literal(true).optional(),
      sealedFor: z.record(key32, sealedBoxSchema).optional(),
      ...at,
    })
    .strict(),
  /** The round's secret, sealed to a co-facilitator who joined after the vote started. */
  z.object({ type: z.literal('voting.share'), roundId, to: key32, sealed: sealedBoxSchema, ...at }).strict(),
  /** `counted` lists the digests of the ballots present at reveal: only those count, so nobody
   *  can change their vote once they have seen the others'. */
  z.object({ type: z.literal('voting.reveal'), roundId, secretKey: key32, counted: z.array(hex64).max(500), ...at }).strict(),
  z.object({ type: z.literal('voting.close'), roundId, ...at }).strict(),
  z.object({ type: z.literal('anonymity.set'), anonymous: z.boolean(), ...at }).strict(),
  z.object({ type: z.literal('bring.here'), section: z.enum(SECTION_IDS), cardId: z.string().min(1).max(100).nullable(), ...at }).strict(),
  // The facilitator's authority: who else holds it, until when, and handing it over.
  z.object({ type: z.literal('delegation.grant'), delegate: key32, participantId, name, rights: z.array(z.enum(['run', 'votes', 'charter'])).min(1).max(3), expiresAt: time, at: time }).strict(),
  z.object({ type: z.literal('delegation.revoke'), delegate: key32, at: time }).strict(),
  z.object({ type: z.literal('handover'), to: key32, participantId, name, at: time }).strict(),
  /** A co-facilitator's box key (X25519), to which vote secrets are sealed. */
  z.object({ type: z.literal('delegate.boxKey'), boxKey: key32, ...at }).strict(),
  // The charter's powers: the quorum rule to freeze with, in-person key checks, and freezing.
  z.object({ type: z.literal('charter.quorum'), rule: quorumRuleSchema, ...at }).strict(),
  z.object({ type: z.literal('charter.check'), participantId, publicKey: key32, checked: z.boolean(), ...at }).strict(),
  z.object({ type: z.literal('charter.freeze'), version: z.number().int().min(1).max(1_000_000), digest: hex64, ...at }).strict(),
]);

/**
 * What a delegation can grant: running the workshop (agenda, phases, timer, anonymity, bringing
 * everyone), votes (start, reveal, close) and the charter (quorum, in-person checks, freezing,
 * sealing).
 */
export const RIGHTS = ['run', 'votes', 'charter'] as const;
export type Right = (typeof RIGHTS)[number];

/** The right an action needs of a co-facilitator; null: only the facilitator may sign it. */
export function rightFor(type: FacilitatorAction['type']): Right | 'any' | null {
  switch (type) {
    case 'delegation.grant':
    case 'delegation.revoke':
    case 'handover':
      return null;
    case 'voting.start':
    case 'voting.share':
    case 'voting.reveal':
    case 'voting.close':
      return 'votes';
    case 'charter.quorum':
    case 'charter.check':
    case 'charter.freeze':
      return 'charter';
    case 'delegate.boxKey':
      return 'any';
    default:
      return 'run';
  }
}

export type FacilitatorAction = z.infer<typeof facilitatorActionSchema>;
export type FacilitatorActionType = FacilitatorAction['type'];

/** What a refused action looked like, in words for the notice. */
export function describeAction(action: FacilitatorAction): string {
  switch (action.type) {
    case 'agenda.set':
      return 'change the agenda';
    case 'phase.set':
      return `move to phase "${action.phaseId}"`;
    case 'timer.start':
      return 'start the timer';
    case 'timer.pause':
      return 'pause the timer';
    case 'timer.resume':
      return 'resume the timer';
    case 'timer.extend':
      return 'extend the timer';
    case 'timer.stop':
      return 'stop the timer';
    case 'voting.start':
      return 'start a vote';
    case 'voting.reveal':
      return 'reveal the votes';
    case 'voting.close':
      return 'close the vote';
    case 'anonymity.set':
      return action.anonymous ? 'turn anonymous ideation on' : 'turn anonymous ideation off';
    case 'bring.here':
      return 'bring everyone to a section';
    case 'voting.share':
      return 'share a vote with a co-facilitator';
    case 'delegation.grant':
      return `make ${action.name} a co-facilitator`;
    case 'delegation.revoke':
      return 'end a co-facilitator’s role';
    case 'handover':
      return `hand the workshop over to ${action.name}`;
    case 'delegate.boxKey':
      return 'publish a co-facilitator’s key for votes';
    case 'charter.quorum':
      return 'change the charter’s quorum';
    case 'charter.check':
      return action.checked ? 'mark a key checked in person' : 'clear an in-person key check';
    case 'charter.freeze':
      return `freeze charter version ${action.version}`;
  }
}
