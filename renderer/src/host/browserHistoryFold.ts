// Keeps a browser workshop's history within MAX_HISTORY_RECORDS: the oldest half is replaced by
// checkpoints (shared/history/historyRetention.ts says what is kept). The checkpoints take the
// keys of the first records they replace, so the history stays in key order.
import { decodeHistoryRecord, encodeHistoryRecord, planFold, type HistoryRecord } from '../../../shared/history';
import type { UpdateRecord } from './browserStoredWorkshop';
import { BY_WORKSHOP, HISTORY, inTransaction } from './idb';

export async function foldHistory(database: IDBDatabase, id: string): Promise<void> {
  const read = await inTransaction(database, [HISTORY], 'readonly', (tx) => {
    const index = tx.objectStore(HISTORY).index(BY_WORKSHOP);
    const values = index.getAll(id);
    const keys = index.getAllKeys(id);
    return () => ({ values: (values.result as UpdateRecord[]).map((r) => r.update), keys: keys.result });
  });
  const records = read.values.map(decodeHistoryRecord).filter((r): r is HistoryRecord => r !== null);
  if (records.length !== read.values.length) return; // damaged history is left as it is
  const fold = planFold(records);
  if (!fold) return;
  await inTransaction(database, [HISTORY], 'readwrite', (tx) => {
    const store = tx.objectStore(HISTORY);
    read.keys.slice(0, fold.replaced).forEach((key, i) => {
      const checkpoint = fold.checkpoints[i];
      if (checkpoint && checkpoint.kind !== 'legacy') store.put({ workshopId: id, update: encodeHistoryRecord({ ...checkpoint, kind: checkpoint.kind }) } satisfies UpdateRecord, key);
      else store.delete(key);
    });
    return () => undefined;
  });
}
