// Recovery of a browser workshop that refuses to open because stored changes are damaged: the
// workshop is rebuilt from its snapshot and every stored change that still reads and passes the
// same checks as a change from the room (shared/schema's update guard). Those join the history
// as compaction would move them; the others are set aside under `damaged:<id>`, never deleted.
import * as Y from 'yjs';
import { checkWorkshopUpdate } from '../../../shared/schema';
import { usableRecord } from '../../../shared/history';
import { HostError, type RecoveryReport } from './Host';
import { archiveLog, damagedKey, damagedSnapshot, hostError, readStored, type UpdateRecord } from './browserStoredWorkshop';
import { HISTORY, inTransaction, SNAPSHOTS, SUMMARIES, UPDATES } from './idb';

export async function recoverWorkshop(database: IDBDatabase, id: string): Promise<RecoveryReport> {
  // Set inside the transaction's callbacks, read once it has ended: a throw inside a request's
  // handler would only abort it with a generic "uncaught exception".
  const out: { report: RecoveryReport | null; refused: HostError | null } = { report: null, refused: null };
  try {
    await inTransaction(database, [SUMMARIES, SNAPSHOTS, UPDATES, HISTORY], 'readwrite', (tx) => {
      readStored(tx, id, (stored) => {
        if (stored === null) return;
        try {
          const base = usableRecord(stored.snapshot);
          if (!base) throw damagedSnapshot();
          const doc = new Y.Doc();
          Y.applyUpdate(doc, base.update);
          const good: Uint8Array[] = [];
          const bad: Uint8Array[] = [];
          for (const bytes of stored.updates) {
            const record = usableRecord(bytes);
            if (record && checkWorkshopUpdate(doc, record.update).ok) {
              Y.applyUpdate(doc, record.update);
              good.push(bytes);
            } else bad.push(bytes);
          }
          if (bad.length === 0) throw new HostError('invalid-request', 'This workshop is not damaged; there is nothing to recover.');
          tx.objectStore(SNAPSHOTS).put(Y.encodeStateAsUpdate(doc), id);
          doc.destroy();
          archiveLog(tx, id, stored, good);
          for (const update of bad) tx.objectStore(UPDATES).add({ workshopId: damagedKey(id), update } satisfies UpdateRecord);
          out.report = { skippedBytes: bad.reduce((n, u) => n + u.byteLength, 0), keptUpdates: good.length };
        } catch (e) {
          out.refused = e instanceof HostError ? e : hostError('storage-failed', 'Recovering the workshop', e);
          tx.abort();
        }
      });
      return () => undefined;
    });
  } catch (e) {
    throw out.refused ?? hostError('storage-failed', 'Recovering the workshop', e);
  }
  if (out.report === null) throw new HostError('not-found', 'That workshop does not exist (any more).');
  return out.report;
}
