// "Export file" in the board's toolbar: the whole workshop as a .bridgeboard file.
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useBoardStore } from '../board';
import { exportWorkshop } from './workshopFiles';

export function ExportWorkshopButton() {
  const host = useHost();
  const store = useBoardStore();
  const onExport = () => {
    exportWorkshop(host, store).then(
      (saved) => saved && notifyInfo('Workshop file exported.'),
      (e: unknown) => notifyError(describeError(e, 'Exporting')),
    );
  };
  return (
    <button type="button" onClick={onExport} data-testid="export-workshop">
      Export file
    </button>
  );
}
