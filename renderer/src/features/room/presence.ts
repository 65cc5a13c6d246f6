// Presence: who is in the room right now, their side, colour and where they are on the board.
// It travels as awareness state, which any peer can set to anything, so remote states are
// parsed before the UI sees them.
import { z } from 'zod';
import type { Awareness } from 'y-protocols/awareness';
import { SECTION_IDS } from '../../../../shared/board';

const presenceSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(80),
    side: z.enum(['IT', 'OT', 'facilitator']),
    role: z.string().max(80),
    color: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
  location: z
    .object({
      section: z.enum(SECTION_IDS).nullable(),
      cardId: z.string().max(100).nullable(),
    })
    .nullable()
    .default(null),
  /** The sender's y-webrtc peer id, so the UI can show a person only while their connection is up. */
  peer: z.string().max(64).nullable().default(null),
});

export type Presence = z.infer<typeof presenceSchema>;
export type PresenceUser = Presence['user'];
export type PresenceLocation = NonNullable<Presence['location']>;

export interface PeerPresence extends Presence {
  readonly clientId: number;
  readonly isLocal: boolean;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e', '#393b79'];

/** A stable colour for a participant id, so everyone sees the same colour for the same person. */
export function colorFor(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1f77b4';
}

export function setLocalPresence(awareness: Awareness, user: PresenceUser, location: PresenceLocation | null, peer: string | null): void {
  // Merged, so fields other features publish on the same state (e.g. facilitation's clock) stay.
  awareness.setLocalState({ ...awareness.getLocalState(), user, location, peer });
}

export function setLocalLocation(awareness: Awareness, location: PresenceLocation | null): void {
  if (awareness.getLocalState() !== null) awareness.setLocalStateField('location', location);
}

/** Everyone present, local first; states that do not parse are left out. */
export function readPresence(awareness: Awareness): PeerPresence[] {
  const list: PeerPresence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const parsed = presenceSchema.safeParse(state);
    if (parsed.success) list.push({ ...parsed.data, clientId, isLocal: clientId === awareness.clientID });
  });
  return list.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.user.name.localeCompare(b.user.name));
}
