// Who you are when you sign: your key's fingerprint to read aloud, and a plain warning when this
// device protects the key poorly (Linux's basic_text keyring fallback) or cannot hold one.
import { useIdentity } from './identityStore';
import { Fingerprint } from './Fingerprint';

export function IdentityPanel() {
  const state = useIdentity();
  if (state.status === 'failed') {
    return (
      <section className="identity-panel" aria-label="Your signing key">
        <p role="alert" data-testid="identity-error">
          You cannot sign on this device: {state.error}
        </p>
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
