// "Minutes" in the board's toolbar: a dialog that saves the whole board as Markdown, a CSV for a
// spreadsheet or a PDF to print and send, and prints the page. What goes in comes from whoever
// composes the board (`source`), read when a format is chosen, so the minutes are the board as
// it is at that moment.
import { useState } from 'react';
import type { MinutesInput } from '../../../../shared/minutes';
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { t, useT } from '../../core/i18n';
import { Dialog } from '../../ui/Dialog';
import { exportMinutes, type MinutesFormat } from './minutesExport';

export function MinutesButton({ source }: { readonly source: () => MinutesInput }) {
  const tr = useT();
  const host = useHost();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<MinutesFormat | null>(null);
  const save = async (format: MinutesFormat) => {
    setBusy(format);
    try {
      const { saved, name } = await exportMinutes(host, source(), format);
      if (saved) {
        notifyInfo(t('minutes.saved', { file: name }));
        setOpen(false);
      }
    } catch (e) {
      notifyError(describeError(e, t('minutes.doing.exporting')));
    } finally {
      setBusy(null);
    }
  };
  const formats: { format: MinutesFormat; label: string; hint: string }[] = [
    { format: 'pdf', label: tr('minutes.format.pdf'), hint: tr('minutes.format.pdfHint') },
    { format: 'md', label: tr('minutes.format.md'), hint: tr('minutes.format.mdHint') },
    { format: 'csv', label: tr('minutes.format.csv'), hint: tr('minutes.format.csvHint') },
  ];
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="minutes-button">
        {tr('minutes.button')}
      </button>
      {open && (
        <Dialog title={tr('minutes.dialog.title')} onClose={() => setOpen(false)} testId="minutes-dialog">
          <p>{tr('minutes.dialog.intro')}</p>
          <ul className="minutes-formats">
            {formats.map(({ format, label, hint }) => (
              <li key={format}>
                <button type="button" onClick={() => void save(format)} disabled={busy !== null} aria-describedby={`minutes-hint-${format}`} data-testid={`minutes-${format}`}>
                  {label}
                </button>
                <span id={`minutes-hint-${format}`} className="muted">
                  {hint}
                </span>
              </li>
            ))}
          </ul>
          {busy && (
            <p role="status" aria-busy="true">
              {tr('minutes.dialog.busy')}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              {tr('common.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
