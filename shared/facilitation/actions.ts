// The facilitator's actions: the only writes that change the shared facilitation state. Each is
// signed (signedAction.ts); this file says what an action may contain, so a peer parses every
// action before it counts.
import { z } from 'zod';
import { SECTION_IDS } from '../board';
import { agendaSchema } from './agenda';

const time = z.number().int().min(0).max(8.64e15);
const ms = z.number().int().min(1_000).max(24 * 3600_000);
const roundId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);
/** base64url of a raw 32-byte X25519 key. */
const key32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const facilitatorActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agenda.set'), agenda: agendaSchema }).strict(),
  z.object({ type: z.literal('phase.set'), phaseId: z.string().min(1).max(40) }).strict(),
  /** `at` is the facilitator's clock when they pressed the button. */
  z.object({ type: z.literal('timer.start'), durationMs: ms, at: time }).strict(),
  z.object({ type: z.literal('timer.pause'), at: time }).strict(),
  z.object({ type: z.literal('timer.resume'), at: time }).strict(),
  z.object({ type: z.literal('timer.extend'), byMs: ms, at: time }).strict(),
  z.object({ type: z.literal('timer.stop') }).strict(),
  z.object({ type: z.literal('voting.start'), roundId, budget: z.number().int().min(1).max(20), publicKey: key32 }).strict(),
  /** `counted` lists the digests of the ballots present at reveal: only those count, so nobody
   *  can change their vote once they have seen the others'. */
  z.object({ type: z.literal('voting.reveal'), roundId, secretKey: key32, counted: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(500) }).strict(),
  z.object({ type: z.literal('voting.close'), roundId }).strict(),
  z.object({ type: z.literal('anonymity.set'), anonymous: z.boolean() }).strict(),
  z.object({ type: z.literal('bring.here'), section: z.enum(SECTION_IDS), cardId: z.string().min(1).max(100).nullable() }).strict(),
]);

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
  }
}
