// Why a workshop did not open; for damaged storage, the way to recover what still reads.
import { useState } from 'react';
import { useHost } from '../core/hostContext';
import { notifyInfo } from '../core/notices';
import { describeError } from '../core/describeError';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recover = () => {
    setBusy(true);
    setError(null);
    host.storage.recover(workshopId).then(
      (report) => {
        const kept = `${report.keptUpdates} stored change${report.keptUpdates === 1 ? '' : 's'} kept`;
        notifyInfo(`Workshop recovered: ${kept}, ${report.skippedBytes} damaged bytes set aside.`);
        onRecovered();
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e, 'Recovering the workshop'));
      },
    );
  };
  return (
    <main className="page" data-testid="open-failure">
      <h1>The workshop did not open</h1>
      <p role="alert">{failure.message}</p>
      {failure.damaged && (
        <>
          <p>
            Recovering keeps every stored change that still reads and sets the damaged part aside; it is not deleted. Changes that depended on it
            come back when someone who has them joins this workshop&rsquo;s room.
          </p>
          {error && <p role="alert">{error}</p>}
          {/* aria-disabled, not disabled: the button keeps focus while recovery runs. */}
          <button type="button" onClick={() => !busy && recover()} aria-disabled={busy} data-testid="recover-workshop">
            {busy ? 'Recovering…' : 'Recover what can be read'}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={onBack}>
        Back to workshops
      </button>
    </main>
  );
}
