// A verification verdict as people read it: valid or not, each signer's status, the quorum, the
// seal, and everything that is wrong. Used for live versions and for opened files alike.
import type { BundleVerdict } from '../../../../shared/charter';
import { Fingerprint } from '../identity';

const STATUS_TEXT: Record<string, string> = {
  valid: 'valid',
  'bad-signature': 'rejected: does not verify',
  'wrong-version': 'rejected: signed another version',
  'unknown-key': 'rejected: key not on the roster',
  duplicate: 'rejected: duplicate',
};

export function SealText({ status }: { readonly status: string }) {
  const text: Record<string, string> = {
    valid: 'Sealed by the facilitator',
    missing: 'Not sealed yet',
    'set-changed': 'Signatures changed after the seal: seal again',
    'not-facilitator': 'Seal rejected: not by the facilitator or a co-facilitator',
    'bad-signature': 'Seal rejected: does not verify',
  };
  return <span data-testid="seal-status">{text[status] ?? status}</span>;
}

export function VerdictView({ verdict, showProblems = true }: { readonly verdict: BundleVerdict; readonly showProblems?: boolean }) {
  return (
    <div className="verdict" data-testid="verdict">
      <p className={verdict.valid ? 'verdict-ok' : 'verdict-bad'} data-testid="verdict-summary">
        {verdict.valid ? 'Valid' : 'Not valid'}: version {verdict.version} of {verdict.charterId}, SHA-256 <code>{verdict.digest}</code>
      </p>
      {verdict.reducedQuorum !== null && (
        <p className="reduced-quorum" role="note" data-testid="reduced-quorum">
          REDUCED QUORUM: this version needs fewer signatures than the default (one IT, one OT, the facilitator and a seal). Reason given: “{verdict.reducedQuorum}”
        </p>
      )}
      <p data-testid="verdict-facilitator">
        {verdict.facilitator ? (
          <>
            Facilitator: {verdict.facilitator.name}, key <Fingerprint value={verdict.facilitator.fingerprint} label={`Fingerprint of the facilitator ${verdict.facilitator.name}`} /> (
            {verdict.facilitator.established === 'workshop' ? 'fixed when the workshop was created' : 'handed over during the workshop'})
            {verdict.facilitator.coFacilitators.length > 0 && `; co-facilitators: ${verdict.facilitator.coFacilitators.join(', ')}`}
          </>
        ) : (
          'Facilitator: not named by key (a version frozen before facilitator keys: a roster member with the side "facilitator" counts)'
        )}
      </p>
      <ul className="signer-list" aria-label="Signatures">
        {verdict.signers.map((s, i) => (
          <li key={i} data-testid="signer" data-status={s.status}>
            <strong>{s.name}</strong> ({s.side ?? 'not on the roster'}
            {s.role ? `, ${s.role}` : ''}) — {STATUS_TEXT[s.status] ?? s.status}, signed {s.signedAt}
            {s.reason && s.status !== 'valid' ? `: ${s.reason}` : ''} <Fingerprint value={s.fingerprint} label={`Fingerprint of ${s.name}`} />
          </li>
        ))}
        {verdict.signers.length === 0 && <li>No signatures yet.</li>}
      </ul>
      <p data-testid="quorum-status">{verdict.quorum.met ? 'Quorum met' : `Quorum not met: missing ${verdict.quorum.missing.join(', ')}`}</p>
      <p>
        <SealText status={verdict.seal.status} />
      </p>
      {showProblems && verdict.problems.length > 0 && (
        <ul className="problems" aria-label="What is wrong" data-testid="problems">
          {verdict.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
