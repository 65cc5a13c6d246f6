// Facilitation's use of presence (awareness): the facilitator's app publishes its clock every
// two seconds so peers can estimate their offset to it, and peers read where the facilitator
// is on the board to follow them. Awareness is unauthenticated: a peer could pretend to be the
// facilitator here, which could skew a timer display or mislead a follower, but never change
// the shared state, which only signed actions do.
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import { SECTION_IDS, type SectionId } from '../../../../shared/board';

export const CLOCK_INTERVAL_MS = 2_000;

const facilitatorStateSchema = z.object({
  user: z.object({ id: z.string().max(100) }),
  facilitatorClock: z.number().finite().optional(),
  location: z.object({ section: z.enum(SECTION_IDS).nullable(), cardId: z.string().max(100).nullable() }).nullable().optional(),
});

export interface FacilitatorPresence {
  readonly clock: number | null;
  readonly location: { readonly section: SectionId | null; readonly cardId: string | null } | null;
}

/** The presence of the participant `participantId` (the facilitator), if they are here. */
export function readFacilitatorPresence(awareness: Awareness, participantId: string): FacilitatorPresence | null {
  let found: FacilitatorPresence | null = null;
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const parsed = facilitatorStateSchema.safeParse(state);
    if (parsed.success && parsed.data.user.id === participantId) found = { clock: parsed.data.facilitatorClock ?? null, location: parsed.data.location ?? null };
  });
  return found;
}

export function publishClock(awareness: Awareness, now: number): void {
  // Only once the room has said who I am: a state with just a clock would be no one.
  if (awareness.getLocalState() !== null) awareness.setLocalStateField('facilitatorClock', now);
}
