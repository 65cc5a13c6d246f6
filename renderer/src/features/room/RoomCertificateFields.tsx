// The certificate the facilitator's room port presents to browsers: this computer's own
// (self-signed, made once) or one the company provides, picked in the app's own file dialog so
// its private key never reaches this page. Participants compare its fingerprint with the one
// the facilitator reads out (the invite dialog shows it).
import { useEffect, useState } from 'react';
import { fingerprintReadAloud } from '../../../../shared/room';
import { describeError } from '../../core/describeError';
import { t, useT } from '../../core/i18n';
import type { LanSignaling, LanSignalingStatusInfo } from '../../host/Host';

export function RoomCertificateFields({ lan }: { readonly lan: LanSignaling }) {
  const tr = useT();
  const [status, setStatus] = useState<LanSignalingStatusInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    lan.status().then(setStatus, () => setStatus(null));
  }, [lan]);

  const use = async (source: 'company' | 'self-signed') => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const next = await lan.useCertificate(source);
      setStatus(next);
      setMessage(source === 'company' ? t('room.certificate.companyUsed') : t('room.certificate.ownUsed'));
    } catch (e) {
      setMessage(describeError(e, t('room.doing.changingCertificate')));
    } finally {
      setBusy(false);
    }
  };

  const current = status?.certificate ?? null;
  return (
    <details className="room-certificate" data-testid="room-certificate">
      <summary>{tr('room.certificate.summary')}</summary>
      <p className="hint">
        {current
          ? tr('room.certificate.current', { source: current.source === 'company' ? 'company' : 'own', start: fingerprintReadAloud(current.sha256) })
          : tr('room.certificate.none')}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => void use('company')} aria-disabled={busy}>
          {tr('room.certificate.useCompany')}
        </button>
        {current?.source === 'company' && (
          <button type="button" onClick={() => void use('self-signed')} aria-disabled={busy}>
            {tr('room.certificate.useOwn')}
          </button>
        )}
      </div>
      {message && (
        <p role="status" className="hint">
          {message}
        </p>
      )}
    </details>
  );
}
