// Refused facilitator actions: the newest are announced (forged, unsigned, signed with another
// key, tampered or replayed), and the full list stays available, so a participant trying to run
// the room from their own app is visible to everyone.
import { fingerprintOf, fromBase64url } from '../../../../shared/crypto';
import type { FacilitatorAction, RefusedAction } from '../../../../shared/facilitation';
import { t as translate, useT, type MessageKey, type Translate } from '../../core/i18n';
import { useFacilitation, useFacilitationContext } from './facilitationContext';

const REASONS: Record<RefusedAction['reason'], MessageKey> = {
  malformed: 'facilitation.refused.reason.malformed',
  unsigned: 'facilitation.refused.reason.unsigned',
  'wrong-workshop': 'facilitation.refused.reason.wrongWorkshop',
  'wrong-key': 'facilitation.refused.reason.wrongKey',
  'bad-signature': 'facilitation.refused.reason.badSignature',
  replayed: 'facilitation.refused.reason.replayed',
};

function who(t: Translate, key: string | null): string {
  if (!key) return t('facilitation.refused.someone');
  try {
    return t('facilitation.refused.key', { key: `${fingerprintOf(fromBase64url(key)).slice(0, 11)}…` });
  } catch {
    return t('facilitation.refused.unreadableKey');
  }
}

/** What the refused action tried to do, as a phrase that completes "an attempt to …". */
function attempt(t: Translate, action: FacilitatorAction | null): string {
  if (!action) return t('facilitation.action.unreadable');
  switch (action.type) {
    case 'agenda.set':
      return t('facilitation.action.agenda');
    case 'phase.set':
      return t('facilitation.action.phase', { phase: action.phaseId });
    case 'timer.start':
      return t('facilitation.action.timerStart');
    case 'timer.pause':
      return t('facilitation.action.timerPause');
    case 'timer.resume':
      return t('facilitation.action.timerResume');
    case 'timer.extend':
      return t('facilitation.action.timerExtend');
    case 'timer.stop':
      return t('facilitation.action.timerStop');
    case 'voting.start':
      return t('facilitation.action.voteStart');
    case 'voting.reveal':
      return t('facilitation.action.voteReveal');
    case 'voting.close':
      return t('facilitation.action.voteClose');
    case 'anonymity.set':
      return t('facilitation.action.anonymity', { on: action.anonymous ? 'yes' : 'no' });
    case 'bring.here':
      return t('facilitation.action.bring');
    case 'voting.share':
      return t('facilitation.action.share');
    case 'delegation.grant':
      return t('facilitation.action.grant', { name: action.name });
    case 'delegation.revoke':
      return t('facilitation.action.revoke');
    case 'handover':
      return t('facilitation.action.handover', { name: action.name });
    case 'delegate.boxKey':
      return t('facilitation.action.boxKey');
    case 'charter.quorum':
      return t('facilitation.action.quorum');
    case 'charter.check':
      return t('facilitation.action.check', { checked: action.checked ? 'yes' : 'no' });
    case 'charter.freeze':
      return t('facilitation.action.freeze', { version: action.version });
  }
}

export const describeRefusal = (r: RefusedAction, t: Translate = translate): string =>
  t('facilitation.refused.line', { what: attempt(t, r.action), who: who(t, r.publicKey), reason: t(REASONS[r.reason]) });

export function RefusedNotice() {
  const t = useT();
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
            <p key={r.key}>{describeRefusal(r, t)}</p>
          ))}
          <button type="button" onClick={() => facilitation.controller.markRefusedSeen()}>
            {t('facilitation.refused.dismiss')}
          </button>
        </div>
      )}
      <details>
        <summary data-testid="refused-count">
          {t('facilitation.refused.count', { count: refused.length })}
        </summary>
        <ul>
          {refused.map((r) => (
            <li key={r.key}>{describeRefusal(r, t)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
