// A browser workshop as IndexedDB holds it, and the steps storage and recovery share: reading
// it inside a transaction, and moving compacted records into its history.
import { checkpointRecord } from '../../../shared/history';
import { HostError } from './Host';
import { BY_WORKSHOP, HISTORY, SNAPSHOTS, SUMMARIES, UPDATES } from './idb';

/** Where the damaged records of a workshop are kept by recovery: out of its log, not deleted. */
export const damagedKey = (id: string): string => `damaged:${id}`;

export interface UpdateRecord {
  readonly workshopId: string;
  /** A history record (or, from older versions, a bare Yjs update). */
  readonly update: Uint8Array;
}

export function hostError(code: 'storage-failed' | 'not-found', what: string, e: unknown): HostError {
  if (e instanceof HostError) return e;
  const detail = e instanceof Error && e.message ? `: ${e.message}` : '';
  return new HostError(code, `${what} failed${detail}`);
}

export function damagedSnapshot(): HostError {
  return new HostError('unrecoverable', "This workshop's stored snapshot is damaged; there is nothing safe to rebuild it from. Open a copy exported earlier, or rejoin a room that has it.");
}

/** A workshop as stored: its snapshot, its log with the records' keys, and how much history it has. */
export interface StoredWorkshop {
  readonly snapshot: Uint8Array;
  readonly updates: Uint8Array[];
  readonly keys: IDBValidKey[];
  readonly historyCount: number;
}

/**
 * Queues the reads of workshop `id` in `tx` and calls `then` once they are in: with the stored
 * workshop, or null if it does not exist. `then` may queue writes in the same transaction.
 */
export function readStored(tx: IDBTransaction, id: string, then: (stored: StoredWorkshop | null) => void): void {
  const summary = tx.objectStore(SUMMARIES).get(id);
  const snapshot = tx.objectStore(SNAPSHOTS).get(id);
  const index = tx.objectStore(UPDATES).index(BY_WORKSHOP);
  const records = index.getAll(id);
  const keys = index.getAllKeys(id);
  const history = tx.objectStore(HISTORY).index(BY_WORKSHOP).count(id);
  history.onsuccess = () => {
    if (summary.result === undefined || !(snapshot.result instanceof Uint8Array)) return then(null);
    then({ snapshot: snapshot.result, updates: (records.result as UpdateRecord[]).map((r) => r.update), keys: keys.result, historyCount: history.result });
  };
}

/**
 * Queues, in `tx`, moving the log's records into the history: after a checkpoint of the old
 * snapshot when the history is still empty (a workshop from before the history was kept).
 */
export function archiveLog(tx: IDBTransaction, id: string, stored: StoredWorkshop, kept: readonly Uint8Array[] = stored.updates): void {
  const history = tx.objectStore(HISTORY);
  if (stored.historyCount === 0) history.add({ workshopId: id, update: checkpointRecord(stored.snapshot, 0) } satisfies UpdateRecord);
  for (const update of kept) history.add({ workshopId: id, update } satisfies UpdateRecord);
  for (const key of stored.keys) tx.objectStore(UPDATES).delete(key);
}

