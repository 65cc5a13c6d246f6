// Why a workshop did not open; for damaged storage, the way to recover what still reads.
import { useState } from 'react';
import { useHost } from '../core/hostContext';
import { notifyInfo } from '../core/notices';
import { describeError } from '../core/describeError';
import { useT } from '../core/i18n';

export interface Failure {
  readonly message: string;
  readonly damaged: boolean;
}

interface OpenFailureProps {
  readonly failure: Failure;
  readonly workshopId: string;
  readonly onRecovered: () => void;
  readonly onBack: () => void;
}

export function OpenFailure({ failure, workshopId, onRecovered, onBack }: OpenFailureProps) {
  const host = useHost();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recover = () => {
    setBusy(true);
    setError(null);
    host.storage.recover(workshopId).then(
      (report) => {
        notifyInfo(t('session.recovered', { kept: report.keptUpdates, bytes: report.skippedBytes }));
        onRecovered();
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e, t('session.doing.recovering')));
      },
    );
  };
  return (
    <main className="page" data-testid="open-failure">
      <h1>{t('session.failure.title')}</h1>
      <p role="alert">{failure.message}</p>
      {failure.damaged && (
        <>
          <p>{t('session.failure.explain')}</p>
          {error && <p role="alert">{error}</p>}
          {/* aria-disabled, not disabled: the button keeps focus while recovery runs. */}
          <button type="button" onClick={() => !busy && recover()} aria-disabled={busy} data-testid="recover-workshop">
            {busy ? t('session.failure.recovering') : t('session.failure.recover')}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={onBack}>
        {t('session.failure.back')}
      </button>
    </main>
  );
}
