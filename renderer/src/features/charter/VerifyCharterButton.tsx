// "Verify a charter" in the app bar: for whoever received an export (leadership, an auditor), with
// no workshop open and no profile needed. Opens the same verifier as the charter view.
import { Suspense, lazy, useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import './charter.css';

// Loaded on first use: verifying brings pdf-lib, which the rest of the app bar never needs.
const VerifyPanel = lazy(() => import('./VerifyPanel').then((m) => ({ default: m.VerifyPanel })));

export function VerifyCharterButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="verify-charter-button">
        Verify a charter
      </button>
      {open && (
        <Dialog title="Verify a charter" onClose={() => setOpen(false)} testId="verify-charter-dialog">
          <Suspense fallback={<p aria-busy="true">Loading the verifier…</p>}>
            <VerifyPanel />
          </Suspense>
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
