// "Verify a charter" in the app bar: for whoever received an export (leadership, an auditor), with
// no workshop open and no profile needed. Opens the same verifier as the charter view.
import { Suspense, lazy, useState } from 'react';
import { useT } from '../../core/i18n';
import { Dialog } from '../../ui/Dialog';
import './charter.css';

// Loaded on first use: verifying brings pdf-lib, which the rest of the app bar never needs.
const VerifyPanel = lazy(() => import('./VerifyPanel').then((m) => ({ default: m.VerifyPanel })));

export function VerifyCharterButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="verify-charter-button">
        {t('charter.verify.button')}
      </button>
      {open && (
        <Dialog title={t('charter.verify.button')} onClose={() => setOpen(false)} testId="verify-charter-dialog">
          <Suspense fallback={<p aria-busy="true">{t('charter.verify.loading')}</p>}>
            <VerifyPanel />
          </Suspense>
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
