// One frozen version: what changed since the one before, the exact text and digest to sign, the
// live signatures (accepted and rejected) and quorum, the facilitator's seal, and exports.
import { useState } from 'react';
import { diffCharters, facilitatorKeys, type VersionLedger } from '../../../../shared/charter';
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { Fingerprint, useIdentity } from '../identity';
import { CharterText } from './CharterText';
import { exportBundle, type ExportFormat } from './charterExport';
import { useCharterService, useCharterState } from './charterContext';
import type { VersionStanding } from './charterStore';
import { VersionDiff } from './VersionDiff';
import { SealText, VerdictView } from './VerdictView';

interface VersionPanelProps {
  readonly version: VersionLedger;
  readonly previous: VersionLedger | null;
  readonly me: string;
  readonly standing: VersionStanding;
}

export function VersionPanel({ version, previous, me, standing }: VersionPanelProps) {
  const host = useHost();
  const { actions, store } = useCharterService();
  const authority = useCharterState((s) => s.authority);
  const identity = useIdentity();
  const [busy, setBusy] = useState(false);
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
  const save = (format: ExportFormat) =>
    run('Exporting the charter', async () => {
      if (await exportBundle(host, version.bundle, format)) notifyInfo(`Charter version ${n} exported.`);
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
        Version {n} <small>frozen {charter.frozenAt}</small>
      </h2>
      {version.conflict && (
        <p role="alert">Two versions {n} were frozen at the same time. Both are kept unchanged; sign only the one your facilitator names (check the digest).</p>
      )}
      {standing === 'unauthorized' && (
        <p role="alert" className="problems" data-testid="version-unauthorized">
          The facilitator did not freeze this version: someone else stored it. Do not sign it.
        </p>
      )}
      {standing === 'older' && <p className="hint">Frozen before facilitator keys. To sign, the facilitator freezes the charter again.</p>}
      <p>
        SHA-256 digest: <code data-testid="version-digest">{digest}</code>
      </p>
      {previous && <VersionDiff diff={diffCharters(previous.frozen.charter, charter)} from={previous.frozen.charter.version} />}
      <details open={!signed && mine !== undefined}>
        <summary>The charter text you sign</summary>
        <CharterText charter={charter} />
      </details>
      <div className="sign-box" data-testid="sign-box">
        {!mine ? (
          <p className="hint">You are not on this version’s roster, so you cannot sign it.</p>
        ) : standing !== 'facilitator' && !signed ? (
          <p className="hint">Not open for signing.</p>
        ) : signed ? (
          <p data-testid="signed-note">You signed version {n}.</p>
        ) : (
          <>
            <p>
              Signing says you agree to the text above, version {n}, digest <code>{digest.slice(0, 16)}…</code>, with your key{' '}
              {identity.status === 'ready' ? <Fingerprint value={identity.identity.fingerprint} label="Your fingerprint" /> : ''}.
            </p>
            <button type="button" className="primary" disabled={busy} onClick={() => run('Signing', () => actions.sign(version, store.getState()))} data-testid="sign">
              Sign version {n}
            </button>
          </>
        )}
      </div>
      <VerdictView verdict={version.verdict} showProblems={false} />
      {version.rejected.length > 0 && (
        <ul className="problems" aria-label="Rejected signatures" data-testid="rejected">
          {version.rejected.map((r, i) => (
            <li key={i} data-status={r.status}>
              Rejected signature claiming {charter.roster.find((p) => p.id === r.signature.signerId)?.name ?? r.signature.signerId}: {r.status} — {r.reason}
            </li>
          ))}
        </ul>
      )}
      {version.unreadable > 0 && <p className="problems">{version.unreadable} unreadable entr{version.unreadable === 1 ? 'y was' : 'ies were'} ignored.</p>}
      <p>
        {/* The verdict above says whether the seal holds; a seal that no longer covers the signatures is said here. */}
        {version.seal !== version.verdict.seal.status && <SealText status={version.seal} />}
        {canSeal && (
          <button type="button" disabled={busy} onClick={() => run('Sealing', () => actions.seal(version, store.getState()))} data-testid="seal">
            Seal the {version.bundle.signatures.length} signatures
          </button>
        )}
      </p>
      <div className="export-buttons" role="group" aria-label={`Export version ${n}`}>
        <button type="button" disabled={busy} onClick={() => save('pdf')} data-testid="export-pdf">
          Export PDF
        </button>
        <button type="button" disabled={busy} onClick={() => save('md')} data-testid="export-md">
          Export Markdown
        </button>
        <button type="button" disabled={busy} onClick={() => save('json')} data-testid="export-json">
          Export JSON
        </button>
      </div>
    </section>
  );
}
