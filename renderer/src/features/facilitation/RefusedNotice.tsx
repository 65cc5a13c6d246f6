// Refused facilitator actions: the newest are announced (forged, unsigned, signed with another
// key, tampered or replayed), and the full list stays available, so a participant trying to run
// the room from their own app is visible to everyone.
import { fingerprintOf, fromBase64url } from '../../../../shared/crypto';
import type { RefusedAction } from '../../../../shared/facilitation';
import { useFacilitation, useFacilitationContext } from './facilitationContext';

const REASONS: Record<RefusedAction['reason'], string> = {
  malformed: 'it could not be read',
  unsigned: 'it was not signed',
  'wrong-workshop': 'it was signed for another workshop',
  'wrong-key': 'it was not signed by the facilitator',
  'bad-signature': 'its signature does not match (forged or altered)',
  replayed: 'it repeats an earlier action (replay)',
};

function who(key: string | null): string {
  if (!key) return 'someone';
  try {
    return `key ${fingerprintOf(fromBase64url(key)).slice(0, 11)}…`;
  } catch {
    return 'an unreadable key';
  }
}

export const describeRefusal = (r: RefusedAction): string => `Refused: an attempt to ${r.what} by ${who(r.publicKey)}, because ${REASONS[r.reason]}.`;

export function RefusedNotice() {
  const facilitation = useFacilitationContext();
  const refused = useFacilitation((v) => v.state.refused);
  const seen = useFacilitation((v) => v.seenRefused);
  if (!facilitation || !refused || !seen || refused.length === 0) return null;
  const fresh = refused.filter((r) => !seen.has(r.key));
  return (
    <div className="refused" data-testid="refused">
      {fresh.length > 0 && (
        <div className="refused-new" role="alert" data-testid="refused-notice">
          {fresh.map((r) => (
            <p key={r.key}>{describeRefusal(r)}</p>
          ))}
          <button type="button" onClick={() => facilitation.controller.markRefusedSeen()}>
            Dismiss
          </button>
        </div>
      )}
      <details>
        <summary data-testid="refused-count">
          {refused.length} refused action{refused.length === 1 ? '' : 's'}
        </summary>
        <ul>
          {refused.map((r) => (
            <li key={r.key}>{describeRefusal(r)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
