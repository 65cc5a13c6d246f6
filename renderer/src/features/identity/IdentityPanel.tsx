// Who you are when you sign: your key's fingerprint to read aloud, and a plain warning when this
// device protects the key poorly (Linux's basic_text keyring fallback) or cannot hold one. When
// the key cannot be used (a keyring that no longer decrypts it, a damaged key), the way out: a
// new key, after a confirmation that says what that means.
import { useState } from 'react';
import { useHost } from '../../core/hostContext';
import { notifyInfo } from '../../core/notices';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { replaceIdentity, useIdentity } from './identityStore';
import { Fingerprint } from './Fingerprint';

export function IdentityPanel() {
  const state = useIdentity();
  if (state.status === 'failed') {
    return (
      <section className="identity-panel" aria-label="Your signing key">
        <p role="alert" data-testid="identity-error">
          You cannot sign on this device: {state.error}
        </p>
        {state.replaceable && <ReplaceKey />}
      </section>
    );
  }
  if (state.status !== 'ready') return <section className="identity-panel" aria-busy="true">Loading your signing key…</section>;
  const { identity } = state;
  return (
    <section className="identity-panel" aria-label="Your signing key" data-testid="identity-panel">
      <p>
        Your key fingerprint (read it aloud to the facilitator): <Fingerprint value={identity.fingerprint} label="Your fingerprint" />
      </p>
      {identity.protection.warning && (
        <p role="alert" className="identity-warning" data-testid="identity-warning">
          {identity.protection.warning}
        </p>
      )}
    </section>
  );
}

function ReplaceKey() {
  const host = useHost();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replace = () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    replaceIdentity(host).then(
      (identity) => {
        setBusy(false);
        if (identity) notifyInfo('New signing key created. Read its fingerprint to the facilitator so they can check it in person.');
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  // The desktop app asks in its own native dialog, which the page cannot answer for the user.
  const ask = () => (host.kind === 'electron' ? replace() : setConfirming(true));
  return (
    <>
      {error && <p role="alert">{error}</p>}
      {/* aria-disabled, not disabled: the button keeps focus while the key is being made. */}
      <button type="button" onClick={() => !busy && ask()} aria-disabled={busy} data-testid="replace-key">
        {busy ? 'Creating a new key…' : 'Create a new signing key'}
      </button>
      {confirming && (
        <ConfirmDialog
          title="Create a new signing key?"
          message="The old key is set aside on this device, not deleted, but you will sign with the new one from now on. Charters you already signed stay valid. The facilitator has to compare your new fingerprint with you in person before you sign again."
          confirmLabel="Create new key"
          onConfirm={replace}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
