// Workshop storage for the browser host, over IndexedDB: per workshop a list entry, a snapshot,
// a log of stored changes since the last compaction, and the history (every stored change
// compacted so far, after a checkpoint of the state it started from). An append is acknowledged
// only after its transaction commits; compaction (after COMPACT_AFTER changes, and on close)
// merges the log into the snapshot and moves its records into the history, in one transaction.
// A stored change that no longer reads makes loading refuse with 'corrupt' (nothing is merged
// or compacted over it); recover() (browserRecovery.ts) sets such records aside.
import * as Y from 'yjs';
import { checkpointRecord, notAStoredChangeReason, usableRecord, MAX_HISTORY_RECORDS } from '../../../shared/history';
import { notAnUpdateReason } from '../../../shared/sync/updateCheck';
import { HostError, type LoadedWorkshop, type WorkshopStorage } from './Host';
import { BY_WORKSHOP, deleteByWorkshop, HISTORY, inTransaction, later, openDatabase, SNAPSHOTS, SUMMARIES, UPDATES, VAULT } from './idb';
import { parseSummary } from './summarySchema';
import { recoverWorkshop } from './browserRecovery';
import { foldHistory } from './browserHistoryFold';
import { archiveLog, damagedKey, damagedSnapshot, hostError, readStored, type UpdateRecord } from './browserStoredWorkshop';

export const COMPACT_AFTER = 200;

const snapshotReads = (snapshot: Uint8Array): boolean => usableRecord(snapshot) !== null;

/** Merges the log into the snapshot, or says how much of the log is damaged. */
function mergeOrRefuse(snapshot: Uint8Array, records: readonly Uint8Array[]): Uint8Array {
  if (records.length === 0) return snapshot;
  const updates = records.map((r) => usableRecord(r)?.update ?? null);
  const damaged = updates.filter((u) => u === null).length;
  if (damaged > 0) {
    if (!snapshotReads(snapshot)) throw damagedSnapshot();
    throw new HostError(
      'corrupt',
      `${damaged} stored change${damaged === 1 ? ' of this workshop is' : 's of this workshop are'} damaged (of ${records.length} since it was last compacted); nothing was changed. Recover what can be read, or open a copy exported earlier.`,
    );
  }
  try {
    return Y.mergeUpdates([snapshot, ...(updates as Uint8Array[])]);
  } catch {
    if (!snapshotReads(snapshot)) throw damagedSnapshot();
    // Each part reads, yet they do not combine: nothing that recovery could set aside.
    throw new HostError('unrecoverable', "This workshop's stored changes do not fit together; nothing was changed. Open a copy exported earlier, or rejoin a room that has it.");
  }
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) throw new HostError('invalid-request', 'Invalid workshop id.');
  return id;
}

export type DatabaseOpener = () => Promise<IDBDatabase>;

export function databaseOpener(factory?: IDBFactory): DatabaseOpener {
  let dbPromise: Promise<IDBDatabase> | null = null;
  return () => {
    dbPromise ??= openDatabase(factory).catch((e: unknown) => {
      dbPromise = null;
      throw hostError('storage-failed', 'Opening browser storage', e);
    });
    return dbPromise;
  };
}

export function createBrowserStorage(db: DatabaseOpener = databaseOpener()): WorkshopStorage {
  const logCounts = new Map<string, number>();

  /** Reads snapshot + log, merges them, and (when compacting) replaces both in one transaction. */
  async function readMerged(id: string, compact: boolean): Promise<Uint8Array> {
    const database = await db();
    let historyCount = 0;
    const merged = await inTransaction(database, [SNAPSHOTS, UPDATES, SUMMARIES, HISTORY], compact ? 'readwrite' : 'readonly', (tx) => {
      let merged: Uint8Array | null = null;
      // Thrown from the result below: a throw inside a request's handler would only abort the
      // transaction with a generic "uncaught exception".
      let refused: HostError | null = null;
      readStored(tx, id, (stored) => {
        // Missing: leave `merged` null, and the result below reports not-found.
        if (stored === null) return;
        try {
          merged = mergeOrRefuse(stored.snapshot, stored.updates);
        } catch (e) {
          refused = e instanceof HostError ? e : hostError('storage-failed', 'Reading the workshop', e);
          return;
        }
        if (compact && stored.updates.length > 0) {
          tx.objectStore(SNAPSHOTS).put(merged, id);
          archiveLog(tx, id, stored);
        }
        historyCount = stored.historyCount + (compact ? stored.updates.length : 0);
        logCounts.set(id, compact ? 0 : stored.updates.length);
      });
      return () => {
        if (refused) throw refused;
        if (merged === null) throw new HostError('not-found', 'That workshop does not exist (any more).');
        return merged;
      };
    }).catch((e: unknown) => {
      if (e instanceof HostError) throw e;
      throw hostError('storage-failed', 'Reading the workshop', e);
    });
    if (compact && historyCount > MAX_HISTORY_RECORDS) await foldHistory(database, id).catch(() => undefined);
    return merged;
  }

  return {
    async list() {
      try {
        const database = await db();
        const rows = await inTransaction(database, [SUMMARIES], 'readonly', (tx) => later(tx.objectStore(SUMMARIES).getAll()));
        return rows.map(parseSummary).filter((s): s is NonNullable<typeof s> => s !== null).sort((a, b) => b.updatedAt - a.updatedAt);
      } catch (e) {
        throw hostError('storage-failed', 'Listing workshops', e);
      }
    },
    async create(summary, state) {
      const clean = parseSummary(summary);
      if (!clean || !(state instanceof Uint8Array)) throw new HostError('invalid-request', 'Invalid workshop.');
      const reason = notAnUpdateReason(state);
      if (reason !== null) throw new HostError('invalid-request', `The workshop was not saved: the bytes are not a Yjs update (${reason}).`);
      try {
        const database = await db();
        await inTransaction(database, [SUMMARIES, SNAPSHOTS, HISTORY], 'readwrite', (tx) => {
          // add() (not put) fails the transaction if the id exists.
          tx.objectStore(SUMMARIES).add(clean);
          tx.objectStore(SNAPSHOTS).add(state, clean.id);
          tx.objectStore(HISTORY).add({ workshopId: clean.id, update: checkpointRecord(state, Date.now()) } satisfies UpdateRecord);
          return () => undefined;
        });
        logCounts.set(clean.id, 0);
      } catch (e) {
        throw hostError('storage-failed', 'Creating the workshop', e);
      }
    },
    async load(id): Promise<LoadedWorkshop> {
      return { state: await readMerged(checkId(id), false), skippedBytes: 0 };
    },
    async append(id, update) {
      checkId(id);
      if (!(update instanceof Uint8Array)) throw new HostError('invalid-request', 'The change was not saved: it is not bytes.');
      const reason = notAStoredChangeReason(update);
      if (reason !== null) throw new HostError('invalid-request', `The change was not saved: the bytes are not a Yjs update (${reason}).`);
      try {
        const database = await db();
        const record: UpdateRecord = { workshopId: id, update };
        await inTransaction(database, [UPDATES], 'readwrite', (tx) => later(tx.objectStore(UPDATES).add(record)));
      } catch (e) {
        throw hostError('storage-failed', 'Saving the change', e);
      }
      const count = (logCounts.get(id) ?? 0) + 1;
      logCounts.set(id, count);
      if (count >= COMPACT_AFTER) await readMerged(id, true);
    },
    async setSummary(summary) {
      const clean = parseSummary(summary);
      if (!clean) throw new HostError('invalid-request', 'Invalid workshop summary.');
      try {
        const database = await db();
        await inTransaction(database, [SUMMARIES], 'readwrite', (tx) => later(tx.objectStore(SUMMARIES).put(clean)));
      } catch (e) {
        throw hostError('storage-failed', 'Saving the workshop list', e);
      }
    },
    async close(id) {
      await readMerged(checkId(id), true);
    },
    async recover(id) {
      const report = await recoverWorkshop(await db(), checkId(id));
      logCounts.set(id, 0);
      return report;
    },
    async history(id) {
      checkId(id);
      try {
        const database = await db();
        return await inTransaction(database, [SNAPSHOTS, HISTORY, UPDATES], 'readonly', (tx) => {
          const snapshot = tx.objectStore(SNAPSHOTS).get(id);
          const archived = tx.objectStore(HISTORY).index(BY_WORKSHOP).getAll(id);
          const log = tx.objectStore(UPDATES).index(BY_WORKSHOP).getAll(id);
          return () => {
            if (!(snapshot.result instanceof Uint8Array)) throw new HostError('not-found', 'That workshop does not exist (any more).');
            const kept = (archived.result as UpdateRecord[]).map((r) => r.update);
            // A workshop from before the history was kept starts from its snapshot.
            const base = kept.length > 0 ? kept : [checkpointRecord(snapshot.result, 0)];
            return [...base, ...(log.result as UpdateRecord[]).map((r) => r.update)];
          };
        });
      } catch (e) {
        throw hostError('storage-failed', 'Reading the history', e);
      }
    },
    async remove(id) {
      checkId(id);
      try {
        const database = await db();
        await inTransaction(database, [SUMMARIES, SNAPSHOTS, UPDATES, HISTORY, VAULT], 'readwrite', (tx) => {
          tx.objectStore(SUMMARIES).delete(id);
          tx.objectStore(SNAPSHOTS).delete(id);
          for (const workshopId of [id, damagedKey(id)]) deleteByWorkshop(tx, UPDATES, workshopId);
          deleteByWorkshop(tx, HISTORY, id);
          deleteByWorkshop(tx, VAULT, id);
          return () => undefined;
        });
        logCounts.delete(id);
      } catch (e) {
        throw hostError('storage-failed', 'Deleting the workshop', e);
      }
    },
  };
}
