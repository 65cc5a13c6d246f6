// "Verify a charter" in the app bar: for whoever received an export (leadership, an auditor), with
// no workshop open and no profile needed. Opens the same verifier as the charter view.
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { VerifyPanel } from './VerifyPanel';
import './charter.css';

export function VerifyCharterButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="verify-charter-button">
        Verify a charter
      </button>
      {open && (
        <Dialog title="Verify a charter" onClose={() => setOpen(false)} testId="verify-charter-dialog">
          <VerifyPanel />
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
