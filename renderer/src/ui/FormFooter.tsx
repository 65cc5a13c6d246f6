// The end of every dialog form: the form's error, read out as an alert, then Cancel and the
// primary submit button. One component so every form says its errors and orders its buttons alike.
import { useT } from '../core/i18n';

interface FormFooterProps {
  readonly error: string | null | undefined;
  readonly submitLabel: string;
  /** Omit to show no Cancel button (a form the user must complete). */
  readonly onCancel?: () => void;
  readonly busy?: boolean;
}

export function FormFooter({ error, submitLabel, onCancel, busy = false }: FormFooterProps) {
  const t = useT();
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
