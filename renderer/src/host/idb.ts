// Small promise helpers over raw IndexedDB. Results resolve on transaction *complete*, not on
// request success, so a caller that awaits them knows the write is committed.

export const DB_NAME = 'bridgeboard';
/** 2 added the history of stored changes and the device vault. */
export const DB_VERSION = 2;
export const SUMMARIES = 'summaries';
export const SNAPSHOTS = 'snapshots';
/** Stored changes since the last compaction: { workshopId, update } (update: a history record). */
export const UPDATES = 'updates';
/** Stored changes already compacted into the snapshot, kept as the workshop's history. */
export const HISTORY = 'history';
/** The device vault: { workshopId, key, value }. */
export const VAULT = 'vault';
export const BY_WORKSHOP = 'byWorkshop';

export function openDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) {
        db.createObjectStore(SUMMARIES, { keyPath: 'id' });
        db.createObjectStore(SNAPSHOTS);
        const updates = db.createObjectStore(UPDATES, { autoIncrement: true });
        updates.createIndex(BY_WORKSHOP, 'workshopId');
      }
      if (event.oldVersion < 2) {
        const history = db.createObjectStore(HISTORY, { autoIncrement: true });
        history.createIndex(BY_WORKSHOP, 'workshopId');
        const vault = db.createObjectStore(VAULT, { keyPath: ['workshopId', 'key'] });
        vault.createIndex(BY_WORKSHOP, 'workshopId');
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab opening a newer version asks this one to let go rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/**
 * Runs `work` in one transaction and resolves with what it returned once the transaction has
 * committed. `work` must only queue requests (no awaits), as IndexedDB transactions auto-commit.
 */
export function inTransaction<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode, { durability: 'strict' });
    let result: () => T;
    try {
      result = work(tx);
    } catch (e) {
      tx.abort();
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    tx.oncomplete = () => {
      try {
        resolve(result());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Holds the result of a request so it can be read once the transaction completes. */
export function later<T>(request: IDBRequest<T>): () => T {
  return () => request.result;
}

/** Queues the deletion of every record of `workshopId` in an indexed store. */
export function deleteByWorkshop(tx: IDBTransaction, store: string, workshopId: string): void {
  const keys = tx.objectStore(store).index(BY_WORKSHOP).getAllKeys(workshopId);
  keys.onsuccess = () => {
    for (const key of keys.result) tx.objectStore(store).delete(key);
  };
}
