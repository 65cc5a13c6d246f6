// An open workshop, for as long as its board is shown: opened from storage when the page shows
// it, closed (flushing and compacting) when the user leaves. A workshop whose stored changes are
// damaged does not open; the user is offered to recover what can be read, then it opens.
import { useEffect, useState } from 'react';
import { useHost } from '../core/hostContext';
import { HostError } from '../host/Host';
import { notifyError } from '../core/notices';
import { describeError } from '../core/describeError';
import { t, useT } from '../core/i18n';
import { openWorkshop, type OpenWorkshop } from './openWorkshop';
import { OpenFailure, type Failure } from './OpenFailure';
import { WorkshopLayout } from './WorkshopLayout';

export function SessionPage({ workshopId, onBack }: { readonly workshopId: string; readonly onBack: () => void }) {
  const host = useHost();
  const tr = useT();
  const [open, setOpen] = useState<OpenWorkshop | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Bumped to open the workshop again, after a recovery.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let opened: OpenWorkshop | null = null;
    const onError = (e: unknown) => notifyError(describeError(e, t('session.doing.saving')));
    host.storage
      .list()
      .then((all) => {
        const summary = all.find((s) => s.id === workshopId);
        if (!summary) throw new HostError('not-found', t('session.notFound'));
        return openWorkshop(host, summary, onError);
      })
      .then(
        (o) => {
          if (cancelled) return void o.close();
          opened = o;
          setOpen(o);
        },
        (e: unknown) => {
          if (cancelled) return;
          if (e instanceof HostError && e.code === 'not-found') setFailure({ message: t('session.notFound'), damaged: false });
          else setFailure({ message: describeError(e, t('session.doing.opening')), damaged: e instanceof HostError && e.code === 'corrupt' });
        },
      );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [host, workshopId, attempt]);

  if (failure) {
    const reopen = () => {
      setFailure(null);
      setAttempt((n) => n + 1);
    };
    return <OpenFailure failure={failure} workshopId={workshopId} onRecovered={reopen} onBack={onBack} />;
  }
  if (!open) return <main className="page" aria-busy="true">{tr('session.opening')}</main>;
  return <WorkshopLayout workshop={open} onBack={onBack} />;
}
