// A verification verdict as people read it: valid or not, each signer's status, the quorum, the
// seal, and everything that is wrong. Used for live versions and for opened files alike. What
// the verifier reports as text (a signature's reason, the problems) is its English, marked as
// such; statuses, needs and the rest are worded from the catalog.
import type { BundleVerdict } from '../../../../shared/charter';
import { sideLabel, useFormat, useT, type Translate } from '../../core/i18n';
import { Fingerprint } from '../identity';
import { needText, sealStatusText, signatureStatusText } from './charterWording';

const Verbatim = ({ text }: { readonly text: string }) => (
  <span translate="no" lang="en">
    {text}
  </span>
);

export function SealText({ status }: { readonly status: string }) {
  const t = useT();
  return <span data-testid="seal-status">{sealStatusText(t, status)}</span>;
}

const sideText = (t: Translate, side: string | null): string => (side === 'IT' || side === 'OT' || side === 'facilitator' ? sideLabel(t, side) : side === null ? t('charter.verdict.notOnRoster') : side);

export function VerdictView({ verdict, showProblems = true }: { readonly verdict: BundleVerdict; readonly showProblems?: boolean }) {
  const t = useT();
  const format = useFormat();
  const f = verdict.facilitator;
  return (
    <div className="verdict" data-testid="verdict">
      <p className={verdict.valid ? 'verdict-ok' : 'verdict-bad'} data-testid="verdict-summary">
        {t.rich('charter.verdict.summary', {
          valid: verdict.valid ? 'yes' : 'no',
          version: verdict.version,
          charterId: <span translate="no">{verdict.charterId}</span>,
          digest: <code translate="no">{verdict.digest}</code>,
        })}
      </p>
      {verdict.reducedQuorum !== null && (
        <p className="reduced-quorum" role="note" data-testid="reduced-quorum">
          {t('charter.verdict.reducedQuorum', { reason: verdict.reducedQuorum })}
        </p>
      )}
      <p data-testid="verdict-facilitator">
        {f
          ? t.rich('charter.verdict.facilitator', {
              name: f.name,
              key: <Fingerprint value={f.fingerprint} label={t('charter.fingerprintOfFacilitator', { name: f.name })} />,
              established: f.established,
              coFacilitators: f.coFacilitators.length,
              names: format.list(f.coFacilitators),
            })
          : t('charter.verdict.facilitatorBySide')}
      </p>
      <ul className="signer-list" aria-label={t('charter.verdict.signatures')}>
        {verdict.signers.map((s, i) => (
          <li key={i} data-testid="signer" data-status={s.status}>
            {t.rich(s.reason && s.status !== 'valid' ? 'charter.verdict.signerWithReason' : 'charter.verdict.signer', {
              name: <strong>{s.name}</strong>,
              side: s.role ? t('charter.sideAndRole', { side: sideText(t, s.side), role: s.role }) : sideText(t, s.side),
              status: signatureStatusText(t, s.status),
              signedAt: format.signingTime(s.signedAt),
              reason: <Verbatim text={s.reason ?? ''} />,
            })}{' '}
            <Fingerprint value={s.fingerprint} label={t('charter.fingerprintOf', { name: s.name })} />
          </li>
        ))}
        {verdict.signers.length === 0 && <li>{t('charter.verdict.noSignatures')}</li>}
      </ul>
      <p data-testid="quorum-status">{verdict.quorum.met ? t('charter.verdict.quorumMet') : t('charter.verdict.quorumNotMet', { needs: format.list((verdict.quorum.needs ?? []).map((n) => needText(t, n)), 'unit') })}</p>
      <p>
        <SealText status={verdict.seal.status} />
      </p>
      {showProblems && verdict.problems.length > 0 && (
        <ul className="problems" aria-label={t('charter.verdict.problems')} data-testid="problems">
          {verdict.problems.map((p, i) => (
            <li key={i}>
              <Verbatim text={p} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
