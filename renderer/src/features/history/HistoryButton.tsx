// "History" in the board's toolbar.
import { useT } from '../../core/i18n';

export function HistoryButton({ onOpen }: { readonly onOpen: () => void }) {
  const t = useT();
  return (
    <button type="button" onClick={onOpen} data-testid="open-history">
      {t('history.button')}
    </button>
  );
}
