// "Present" in the board's toolbar: opens the presenter view over the whole window. The vote
// results come from whoever composes the board (facilitation holds them), as a source to watch.
import { useState, useSyncExternalStore } from 'react';
import type { RoundResults } from '../../../../shared/facilitation';
import { useT } from '../../core/i18n';
import { PresenterView } from './PresenterView';

/** The revealed vote's results, and a way to watch them change. */
export interface ResultsSource {
  get(): RoundResults | null;
  subscribe(listener: () => void): () => void;
}

export function PresentButton({ results }: { readonly results: ResultsSource }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="present">
        {t('presenter.button')}
      </button>
      {open && <LivePresenter results={results} onClose={() => setOpen(false)} />}
    </>
  );
}

function LivePresenter({ results, onClose }: { readonly results: ResultsSource; readonly onClose: () => void }) {
  const current = useSyncExternalStore(results.subscribe, results.get);
  return <PresenterView results={current} onClose={onClose} />;
}
