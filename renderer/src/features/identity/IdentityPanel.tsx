// Who you are when you sign: your key's fingerprint to read aloud, and a plain warning when this
// device protects the key poorly (Linux's basic_text keyring fallback) or cannot hold one. When
// the key cannot be used (a keyring that no longer decrypts it, a damaged key), the way out: a
// new key, after a confirmation that says what that means.
import { useState } from 'react';
import { useHost } from '../../core/hostContext';
import { notifyInfo } from '../../core/notices';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { t, useT } from '../../core/i18n';
import { replaceIdentity, useIdentity } from './identityStore';
import { Fingerprint } from './Fingerprint';

export function IdentityPanel() {
  const tr = useT();
  const state = useIdentity();
  if (state.status === 'failed') {
    return (
      <section className="identity-panel" aria-label={tr('identity.panel')}>
        <p role="alert" data-testid="identity-error">
          {tr('identity.cannotSign', { reason: state.error })}
        </p>
        {state.replaceable && <ReplaceKey />}
      </section>
    );
  }
  if (state.status !== 'ready') return <section className="identity-panel" aria-busy="true">{tr('identity.loading')}</section>;
  const { identity } = state;
  return (
    <section className="identity-panel" aria-label={tr('identity.panel')} data-testid="identity-panel">
      <p>
        {tr('identity.fingerprint')} <Fingerprint value={identity.fingerprint} label={tr('identity.fingerprint.mine')} />
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
  const tr = useT();
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
        if (identity) notifyInfo(t('identity.created'));
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
        {busy ? tr('identity.creating') : tr('identity.create')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={tr('identity.confirm.title')}
          message={tr('identity.confirm.message')}
          confirmLabel={tr('identity.confirm.confirm')}
          onConfirm={replace}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
