// Workshop storage for the browser host, over IndexedDB: per workshop a list entry, a snapshot
// and a log of updates. An append is acknowledged only after its transaction commits; the log is
// merged into the snapshot (Y.mergeUpdates) once it passes COMPACT_AFTER updates and on close.
// Bytes that are not a Yjs update are refused ('invalid-request') before they are stored.
// A stored change that no longer decodes makes loading refuse with 'corrupt' (nothing is merged
// or compacted over it); recover() sets such records aside under `damaged:<id>` and rebuilds
// the workshop from the rest.
import * as Y from 'yjs';
import { notAnUpdateReason } from '../../../shared/sync/updateCheck';
import { HostError, type LoadedWorkshop, type RecoveryReport, type WorkshopStorage, type WorkshopSummary } from './Host';
import { BY_WORKSHOP, inTransaction, later, openDatabase, SNAPSHOTS, SUMMARIES, UPDATES } from './idb';
import { parseSummary } from './summarySchema';

export const COMPACT_AFTER = 200;

interface UpdateRecord {
  readonly workshopId: string;
  readonly update: Uint8Array;
}

function hostError(code: 'storage-failed' | 'not-found', what: string, e: unknown): HostError {
  if (e instanceof HostError) return e;
  const detail = e instanceof Error && e.message ? `: ${e.message}` : '';
  return new HostError(code, `${what} failed${detail}`);
}

/** Where the damaged records of a workshop are kept by recover(): out of its log, not deleted. */
const damagedKey = (id: string): string => `damaged:${id}`;

const decodes = (update: Uint8Array): boolean => notAnUpdateReason(update) === null;

function damagedSnapshot(): HostError {
  return new HostError('unrecoverable', "This workshop's stored snapshot is damaged; there is nothing safe to rebuild it from. Open a copy exported earlier, or rejoin a room that has it.");
}

/** Merges the log into the snapshot, or says how much of the log is damaged. */
function mergeOrRefuse(snapshot: Uint8Array, updates: Uint8Array[]): Uint8Array {
  if (updates.length === 0) return snapshot;
  try {
    return Y.mergeUpdates([snapshot, ...updates]);
  } catch {
    if (!decodes(snapshot)) throw damagedSnapshot();
    const damaged = updates.filter((u) => !decodes(u)).length;
    // Each part reads, yet they do not combine: nothing that recovery could set aside.
    if (damaged === 0) throw new HostError('unrecoverable', "This workshop's stored changes do not fit together; nothing was changed. Open a copy exported earlier, or rejoin a room that has it.");
    throw new HostError(
      'corrupt',
      `${damaged} stored change${damaged === 1 ? ' of this workshop is' : 's of this workshop are'} damaged (of ${updates.length} since it was last compacted); nothing was changed. Recover what can be read, or open a copy exported earlier.`,
    );
  }
}

/** A workshop as stored: its snapshot, and its log of updates with their record keys. */
interface StoredWorkshop {
  readonly snapshot: Uint8Array;
  readonly updates: Uint8Array[];
  readonly keys: IDBValidKey[];
}

/**
 * Queues the reads of workshop `id` in `tx` and calls `then` once they are in: with the stored
 * workshop, or null if it does not exist. `then` may queue writes in the same transaction.
 */
function readStored(tx: IDBTransaction, id: string, then: (stored: StoredWorkshop | null) => void): void {
  const summary = tx.objectStore(SUMMARIES).get(id);
  const snapshot = tx.objectStore(SNAPSHOTS).get(id);
  const index = tx.objectStore(UPDATES).index(BY_WORKSHOP);
  const records = index.getAll(id);
  const keys = index.getAllKeys(id);
  keys.onsuccess = () => {
    if (summary.result === undefined || !(snapshot.result instanceof Uint8Array)) return then(null);
    then({ snapshot: snapshot.result, updates: (records.result as UpdateRecord[]).map((r) => r.update), keys: keys.result });
  };
}

/** Refuses bytes that are not a Yjs update: stored, they would stop the workshop from loading. */
function checkUpdate(bytes: unknown, what: string): asserts bytes is Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new HostError('invalid-request', `${what} was not saved: it is not bytes.`);
  const reason = notAnUpdateReason(bytes);
  if (reason !== null) throw new HostError('invalid-request', `${what} was not saved: the bytes are not a Yjs update (${reason}).`);
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) throw new HostError('invalid-request', 'Invalid workshop id.');
  return id;
}

export function createBrowserStorage(factory?: IDBFactory): WorkshopStorage {
  let dbPromise: Promise<IDBDatabase> | null = null;
  const db = (): Promise<IDBDatabase> => {
    dbPromise ??= openDatabase(factory).catch((e: unknown) => {
      dbPromise = null;
      throw hostError('storage-failed', 'Opening browser storage', e);
    });
    return dbPromise;
  };
  const logCounts = new Map<string, number>();

  /** Reads snapshot + log, merges them, and (when compacting) replaces both in one transaction. */
  async function readMerged(id: string, compact: boolean): Promise<Uint8Array> {
    const database = await db();
    return inTransaction(database, [SNAPSHOTS, UPDATES, SUMMARIES], compact ? 'readwrite' : 'readonly', (tx) => {
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
          for (const key of stored.keys) tx.objectStore(UPDATES).delete(key);
        }
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
  }

  return {
    async list() {
      try {
        const database = await db();
        const rows = await inTransaction(database, [SUMMARIES], 'readonly', (tx) => later(tx.objectStore(SUMMARIES).getAll()));
        return rows.map(parseSummary).filter((s): s is WorkshopSummary => s !== null).sort((a, b) => b.updatedAt - a.updatedAt);
      } catch (e) {
        throw hostError('storage-failed', 'Listing workshops', e);
      }
    },
    async create(summary, state) {
      const clean = parseSummary(summary);
      if (!clean) throw new HostError('invalid-request', 'Invalid workshop.');
      checkUpdate(state, 'The workshop');
      try {
        const database = await db();
        await inTransaction(database, [SUMMARIES, SNAPSHOTS], 'readwrite', (tx) => {
          // add() (not put) fails the transaction if the id exists.
          tx.objectStore(SUMMARIES).add(clean);
          tx.objectStore(SNAPSHOTS).add(state, clean.id);
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
      checkUpdate(update, 'The change');
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
    async recover(id): Promise<RecoveryReport> {
      checkId(id);
      // Set inside the transaction's callbacks, read once it has ended: a throw inside a
      // request's handler would only abort it with a generic "uncaught exception".
      const out: { report: RecoveryReport | null; refused: HostError | null } = { report: null, refused: null };
      try {
        const database = await db();
        await inTransaction(database, [SUMMARIES, SNAPSHOTS, UPDATES], 'readwrite', (tx) => {
          readStored(tx, id, (stored) => {
            if (stored === null) return;
            try {
              if (!decodes(stored.snapshot)) throw damagedSnapshot();
              const good: Uint8Array[] = [];
              const bad: Uint8Array[] = [];
              for (const update of stored.updates) (decodes(update) ? good : bad).push(update);
              if (bad.length === 0) throw new HostError('invalid-request', 'This workshop is not damaged; there is nothing to recover.');
              tx.objectStore(SNAPSHOTS).put(good.length === 0 ? stored.snapshot : Y.mergeUpdates([stored.snapshot, ...good]), id);
              for (const key of stored.keys) tx.objectStore(UPDATES).delete(key);
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
      logCounts.set(id, 0);
      return out.report;
    },
    async remove(id) {
      checkId(id);
      try {
        const database = await db();
        await inTransaction(database, [SUMMARIES, SNAPSHOTS, UPDATES], 'readwrite', (tx) => {
          tx.objectStore(SUMMARIES).delete(id);
          tx.objectStore(SNAPSHOTS).delete(id);
          for (const workshopId of [id, damagedKey(id)]) {
            const keys = tx.objectStore(UPDATES).index(BY_WORKSHOP).getAllKeys(workshopId);
            keys.onsuccess = () => {
              for (const key of keys.result) tx.objectStore(UPDATES).delete(key);
            };
          }
          return () => undefined;
        });
        logCounts.delete(id);
      } catch (e) {
        throw hostError('storage-failed', 'Deleting the workshop', e);
      }
    },
  };
}
