// Small promise helpers over raw IndexedDB. Results resolve on transaction *complete*, not on
// request success, so a caller that awaits them knows the write is committed.

export const DB_NAME = 'bridgeboard';
export const DB_VERSION = 1;
export const SUMMARIES = 'summaries';
export const SNAPSHOTS = 'snapshots';
export const UPDATES = 'updates';
export const BY_WORKSHOP = 'byWorkshop';

export function openDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(SUMMARIES, { keyPath: 'id' });
      db.createObjectStore(SNAPSHOTS);
      const updates = db.createObjectStore(UPDATES, { autoIncrement: true });
      updates.createIndex(BY_WORKSHOP, 'workshopId');
    };
    request.onsuccess = () => resolve(request.result);
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
