// "Print" where a facilitator expects it (the board's toolbar, the charter, the history): the
// browser's own print dialog, with the print styles in styles.css (@media print) deciding what
// a page looks like on paper. Ctrl+P does the same.
import { useT } from '../core/i18n';

export function PrintButton() {
  const t = useT();
  return (
    <button type="button" onClick={() => window.print()} aria-keyshortcuts="Control+P" data-testid="print">
      {t('minutes.print')}
    </button>
  );
}
