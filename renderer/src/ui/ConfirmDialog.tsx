// A yes/no question before something that cannot be undone, e.g. deleting a workshop.
import { Dialog } from './Dialog';
import { useT } from '../core/i18n';

interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onCancel} role="alertdialog" testId="confirm-dialog">
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
