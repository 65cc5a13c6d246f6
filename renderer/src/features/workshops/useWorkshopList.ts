// The stored workshops, loaded from the host and reloaded after each change.
import { useCallback, useEffect, useState } from 'react';
import type { Host, WorkshopSummary } from '../../host/Host';
import { notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { t } from '../../core/i18n';

async function fetchList(host: Host): Promise<WorkshopSummary[]> {
  try {
    return await host.storage.list();
  } catch (e) {
    notifyError(describeError(e, t('workshops.doing.listing')));
    return [];
  }
}

export function useWorkshopList(host: Host): { workshops: WorkshopSummary[] | null; reload: () => Promise<void> } {
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null);
  const reload = useCallback(async () => setWorkshops(await fetchList(host)), [host]);
  useEffect(() => {
    let live = true;
    void fetchList(host).then((list) => live && setWorkshops(list));
    return () => {
      live = false;
    };
  }, [host]);
  return { workshops, reload };
}
