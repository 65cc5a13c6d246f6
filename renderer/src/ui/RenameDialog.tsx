// Asks for a workshop's new title. `onSubmit` returns an error message to show, or null.
import { useState, type FormEvent } from 'react';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';
import { useT } from '../core/i18n';

interface RenameDialogProps {
  readonly initial: string;
  readonly onSubmit: (title: string) => string | null | Promise<string | null>;
  readonly onCancel: () => void;
}

export function RenameDialog({ initial, onSubmit, onCancel }: RenameDialogProps) {
  const t = useT();
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await onSubmit(title));
  };
  return (
    <Dialog title={t('ui.rename.title')} onClose={onCancel} testId="rename-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('ui.rename.field')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />
        </label>
        <FormFooter error={error} onCancel={onCancel} submitLabel={t('ui.rename.submit')} />
      </form>
    </Dialog>
  );
}
