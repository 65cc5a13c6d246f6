// "Export file" in the board's toolbar: the whole workshop as a .bridgeboard file.
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { t, useT } from '../../core/i18n';
import { useBoardStore } from '../board';
import { exportWorkshop } from './workshopFiles';

export function ExportWorkshopButton() {
  const host = useHost();
  const tr = useT();
  const store = useBoardStore();
  const onExport = () => {
    exportWorkshop(host, store).then(
      (saved) => saved && notifyInfo(t('workshops.exported')),
      (e: unknown) => notifyError(describeError(e, t('workshops.doing.exporting'))),
    );
  };
  return (
    <button type="button" onClick={onExport} data-testid="export-workshop">
      {tr('workshops.export')}
    </button>
  );
}
