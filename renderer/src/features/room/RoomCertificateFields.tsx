// The certificate the facilitator's room port presents to browsers: this computer's own
// (self-signed, made once) or one the company provides, picked in the app's own file dialog so
// its private key never reaches this page. Participants compare its fingerprint with the one
// the facilitator reads out (the invite dialog shows it).
import { useEffect, useState } from 'react';
import { fingerprintReadAloud } from '../../../../shared/room';
import { describeError } from '../../core/describeError';
import type { LanSignaling, LanSignalingStatusInfo } from '../../host/Host';

export function RoomCertificateFields({ lan }: { readonly lan: LanSignaling }) {
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
      setMessage(source === 'company' ? 'The company’s certificate is used from now on.' : 'This computer’s own certificate is used from now on.');
    } catch (e) {
      setMessage(describeError(e, 'Changing the certificate'));
    } finally {
      setBusy(false);
    }
  };

  const current = status?.certificate ?? null;
  return (
    <details className="room-certificate" data-testid="room-certificate">
      <summary>Certificate (HTTPS for browsers)</summary>
      <p className="hint">
        {current
          ? `${current.source === 'company' ? 'The company’s certificate' : 'This computer’s own certificate'}, fingerprint beginning ${fingerprintReadAloud(current.sha256)}.`
          : 'This computer makes its own certificate the first time the room opens, and keeps it. Browsers will warn about it; participants check its fingerprint with you.'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => void use('company')} aria-disabled={busy}>
          Use the company’s certificate…
        </button>
        {current?.source === 'company' && (
          <button type="button" onClick={() => void use('self-signed')} aria-disabled={busy}>
            Use this computer’s own
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
