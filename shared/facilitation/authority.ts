// Whose signature counts as the facilitator's. The workshop carries the facilitator's key (the
// claim written when they opened the room); each device pins the first key it sees and keeps
// it, so a participant who later writes their own key into the doc changes nothing for peers
// who already pinned. Anyone holding the room secret can write the doc (docs/architecture.md, Trust):
// the pin, and the fingerprint people compare aloud, are what make the key trustworthy.
import type { AuthorityClaim } from './facilitationDoc';

export interface Authority {
  /** The key whose actions apply; null until the facilitator has opened the room. */
  readonly publicKey: string | null;
  /** The doc names a different key from the one this device pinned. */
  readonly contested: boolean;
  /** A key this device should pin now (first sight), or null. */
  readonly pinNow: string | null;
}

export function resolveAuthority(claim: AuthorityClaim | null, pinned: string | null): Authority {
  if (pinned !== null) return { publicKey: pinned, contested: claim !== null && claim.publicKey !== pinned, pinNow: null };
  if (claim === null) return { publicKey: null, contested: false, pinNow: null };
  return { publicKey: claim.publicKey, contested: false, pinNow: claim.publicKey };
}
