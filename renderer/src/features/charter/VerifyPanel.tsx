// Verify a charter file offline: open a PDF, JSON or Markdown export and see each signer's
// verdict, the quorum and what is wrong. The same check as `bridgeboard verify`, run in a worker.
import { useRef, useState } from 'react';
import type { FileVerdict } from '../../../../shared/charter';
import { useHost } from '../../core/hostContext';
import { describeError } from '../../core/describeError';
import { useKeepFocus } from '../../ui/useKeepFocus';
import { useT } from '../../core/i18n';
import { VerdictView } from './VerdictView';
import { verifyInWorker } from './verifyInWorker';

export function VerifyPanel() {
  const t = useT();
  const host = useHost();
  const [result, setResult] = useState<{ name: string; verdict: FileVerdict } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The open button is disabled while a file is checked: the focus stays in the panel (and so in
  // its dialog), not on the page's body.
  const panel = useRef<HTMLElement>(null);
  useKeepFocus(panel);
  const open = () => {
    setError(null);
    host.files
      .open('charter')
      .then(async (file) => {
        if (!file) return;
        setBusy(file.name);
        try {
          setResult({ name: file.name, verdict: await verifyInWorker(file.bytes) });
        } finally {
          setBusy(null);
        }
      })
      .catch((e: unknown) => setError(describeError(e, t('charter.doing.openFile'))));
  };
  return (
    <section className="charter-panel" aria-labelledby="verify-heading" data-testid="verify-panel" ref={panel}>
      <h2 id="verify-heading">{t('charter.verify.heading')}</h2>
      <p className="hint">{t('charter.verify.hint')}</p>
      <button type="button" onClick={open} disabled={busy !== null} data-testid="verify-open">
        {t('charter.verify.open')}
      </button>
      {busy && (
        <p aria-busy="true" role="status" data-testid="verify-busy">
          {t('charter.verify.busy', { name: busy })}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {result && (
        <div data-testid="verify-result">
          <h3>{result.name}</h3>
          {result.verdict.readable ? <VerdictView verdict={result.verdict.verdict} /> : <p role="alert">
              {t.rich('charter.verify.unreadable', {
                error: (
                  <span translate="no" lang="en">
                    {result.verdict.error}
                  </span>
                ),
              })}
            </p>}
        </div>
      )}
    </section>
  );
}
