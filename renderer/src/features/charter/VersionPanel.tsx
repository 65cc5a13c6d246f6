// One frozen version: what changed since the one before, the exact text and digest to sign, the
// live signatures (accepted and rejected) and quorum, the facilitator's seal, and exports.
import { useRef, useState } from 'react';
import { diffCharters, facilitatorKeys, type VersionLedger } from '../../../../shared/charter';
import { useHost } from '../../core/hostContext';
import { useFormat, useT } from '../../core/i18n';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useKeepFocus } from '../../ui/useKeepFocus';
import { Fingerprint, useIdentity } from '../identity';
import { CharterText } from './CharterText';
import { exportBundle, type ExportFormat } from './charterExport';
import { useCharterService, useCharterState } from './charterContext';
import type { VersionStanding } from './charterStore';
import { VersionDiff } from './VersionDiff';
import { SealText, VerdictView } from './VerdictView';
import { signatureStatusText } from './charterWording';

interface VersionPanelProps {
  readonly version: VersionLedger;
  readonly previous: VersionLedger | null;
  readonly me: string;
  readonly standing: VersionStanding;
}

export function VersionPanel({ version, previous, me, standing }: VersionPanelProps) {
  const t = useT();
  const format = useFormat();
  const host = useHost();
  const { actions, store } = useCharterService();
  const authority = useCharterState((s) => s.authority);
  const identity = useIdentity();
  const [busy, setBusy] = useState(false);
  // Signing replaces the sign button with "You signed", sealing removes the seal button: the
  // focus stays on the sign box, and goes on to the exports.
  const signBox = useRef<HTMLDivElement>(null);
  const sealLine = useRef<HTMLParagraphElement>(null);
  const exports = useRef<HTMLDivElement>(null);
  useKeepFocus(signBox);
  useKeepFocus(sealLine, exports);
  const { charter, digest } = version.frozen;
  const n = charter.version;
  const mine = charter.roster.find((p) => p.id === me);
  const signed = version.bundle.signatures.some((s) => s.signerId === me);
  const run = (what: string, action: () => Promise<unknown>) => {
    setBusy(true);
    action()
      .catch((e: unknown) => notifyError(describeError(e, what)))
      .finally(() => setBusy(false));
  };
  const save = (kind: ExportFormat) =>
    run(t('charter.doing.export'), async () => {
      if (await exportBundle(host, version.bundle, kind)) notifyInfo(t('charter.exported', { version: n }));
    });
  const sealKeys = facilitatorKeys(charter.facilitator);
  const canSeal = standing === 'facilitator' && authority.mayCharter && authority.myKey !== null && sealKeys?.has(authority.myKey) === true && version.verdict.quorum.met && version.seal !== 'valid';
  return (
    <section
      className={`charter-panel charter-version${standing === 'unauthorized' ? ' unauthorized-version' : ''}`}
      aria-labelledby={`version-${digest}`}
      data-testid="charter-version"
      data-version={n}
      data-standing={standing}
    >
      <h2 id={`version-${digest}`}>
        {t.rich('charter.version.heading', { version: n, frozenAt: <small>{t('charter.version.frozenAt', { at: format.signingTime(charter.frozenAt) })}</small> })}
      </h2>
      {version.conflict && (
        <p role="alert">{t('charter.version.conflict', { version: n })}</p>
      )}
      {standing === 'unauthorized' && (
        <p role="alert" className="problems" data-testid="version-unauthorized">
          {t('charter.version.unauthorized')}
        </p>
      )}
      {standing === 'older' && <p className="hint">{t('charter.version.older')}</p>}
      <p>
        {t.rich('charter.version.digest', {
          digest: (
            <code data-testid="version-digest" translate="no">
              {digest}
            </code>
          ),
        })}
      </p>
      {previous && <VersionDiff diff={diffCharters(previous.frozen.charter, charter)} from={previous.frozen.charter.version} charters={[charter, previous.frozen.charter]} />}
      <details open={!signed && mine !== undefined}>
        <summary>{t('charter.version.textToSign')}</summary>
        <CharterText charter={charter} />
      </details>
      <div className="sign-box" data-testid="sign-box" ref={signBox}>
        {!mine ? (
          <p className="hint">{t('charter.version.notOnRoster')}</p>
        ) : standing !== 'facilitator' && !signed ? (
          <p className="hint">{t('charter.version.notOpen')}</p>
        ) : signed ? (
          <p data-testid="signed-note">{t('charter.version.signed', { version: n })}</p>
        ) : (
          <>
            <p>
              {t.rich('charter.version.signingSays', {
                version: n,
                digest: <code translate="no">{digest.slice(0, 16)}…</code>,
                key: identity.status === 'ready' ? <Fingerprint value={identity.identity.fingerprint} label={t('charter.version.yourFingerprint')} /> : '',
              })}
            </p>
            <button type="button" className="primary" disabled={busy} onClick={() => run(t('charter.doing.sign'), () => actions.sign(version, store.getState()))} data-testid="sign">
              {t('charter.version.sign', { version: n })}
            </button>
          </>
        )}
      </div>
      <VerdictView verdict={version.verdict} showProblems={false} />
      {version.rejected.length > 0 && (
        <ul className="problems" aria-label={t('charter.version.rejected')} data-testid="rejected">
          {version.rejected.map((r, i) => (
            <li key={i} data-status={r.status}>
              {t('charter.version.rejectedSignature', { name: charter.roster.find((p) => p.id === r.signature.signerId)?.name ?? r.signature.signerId, status: signatureStatusText(t, r.status) })}{' '}
              <span translate="no" lang="en">
                {r.reason}
              </span>
            </li>
          ))}
        </ul>
      )}
      {version.unreadable > 0 && <p className="problems">{t('charter.version.unreadable', { count: version.unreadable })}</p>}
      <p ref={sealLine}>
        {/* The verdict above says whether the seal holds; a seal that no longer covers the signatures is said here. */}
        {version.seal !== version.verdict.seal.status && <SealText status={version.seal} />}
        {canSeal && (
          <button type="button" disabled={busy} onClick={() => run(t('charter.doing.seal'), () => actions.seal(version, store.getState()))} data-testid="seal">
            {t('charter.version.seal', { count: version.bundle.signatures.length })}
          </button>
        )}
      </p>
      <div className="export-buttons" role="group" aria-label={t('charter.version.export', { version: n })} ref={exports}>
        <button type="button" disabled={busy} onClick={() => save('pdf')} data-testid="export-pdf">
          {t('charter.version.exportPdf')}
        </button>
        <button type="button" disabled={busy} onClick={() => save('md')} data-testid="export-md">
          {t('charter.version.exportMd')}
        </button>
        <button type="button" disabled={busy} onClick={() => save('json')} data-testid="export-json">
          {t('charter.version.exportJson')}
        </button>
      </div>
    </section>
  );
}
