// Whose signature counts as the facilitator's. Since schema 3 the workshop's meta carries the
// facilitator's key, fixed when the workshop was created (the guard lets nobody change it);
// older workshops carry it as the claim written when the room was opened. Each device pins the
// first key it sees and keeps it, so a key written into the doc later changes nothing for peers
// who already pinned. Anyone holding the room secret can write the doc (docs/architecture.md,
// Trust): the pin, and the fingerprint people compare aloud, make the key trustworthy.
import type { AuthorityClaim } from './facilitationDoc';

export interface Authority {
  /** The key whose actions apply; null until the facilitator has opened the room. */
  readonly publicKey: string | null;
  /** The doc names a different key from the one this device pinned. */
  readonly contested: boolean;
  /** A key this device should pin now (first sight), or null. */
  readonly pinNow: string | null;
}

/** `claim`: the key the doc names (meta's facilitator key, else the older claim). */
export function resolveAuthority(claim: Pick<AuthorityClaim, 'publicKey'> | null, pinned: string | null): Authority {
  if (pinned !== null) return { publicKey: pinned, contested: claim !== null && claim.publicKey !== pinned, pinNow: null };
  if (claim === null) return { publicKey: null, contested: false, pinNow: null };
  return { publicKey: claim.publicKey, contested: false, pinNow: claim.publicKey };
}
