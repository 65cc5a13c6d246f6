// Stores every change of an open workshop as a history record (shared/history): when this
// device stored it, how it came (an edit here, a change from the room, a restore, a migration),
// who delivered it, which Yjs clients wrote it, and what it changed. Writes reach storage in
// the order they happened; the list entry follows the title. Before this device's first change,
// it says in the doc which participant its Yjs client is (the history names authors by it).
import * as Y from 'yjs';
import { attestClient, encodeHistoryRecord, summarizeTransaction, type RecordKind } from '../../../shared/history';
import { docRoot } from '../../../shared/doc';
import type { Host, WorkshopSummary } from '../host/Host';
import { MIGRATION, RESTORE, ROOM, STORAGE } from '../core/origins';

const SUMMARY_DELAY_MS = 400;

export interface WorkshopRecorder {
  /** Resolves when every change so far is stored. */
  flush(): Promise<void>;
  unsaved(): number;
  onUnsavedChange(listener: () => void): () => void;
  /** An upper bound of the doc's encoded size, for the peer guard's limit. */
  docBytes(): number;
  stop(): Promise<void>;
}

export interface RecorderDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  readonly summary: WorkshopSummary;
  /** The bytes the doc was loaded from. */
  readonly loadedBytes: number;
  /** My participant id. */
  readonly me: () => string;
  /** The participant whose message is being applied right now, when it came from the room. */
  readonly sender: () => string | null;
  readonly title: () => string;
  readonly onError: (e: unknown) => void;
}

function kindOf(transaction: Y.Transaction): Exclude<RecordKind, 'legacy' | 'checkpoint' | 'import'> {
  if (!transaction.local) return 'peer';
  if (transaction.origin === RESTORE) return 'restore';
  if (transaction.origin === MIGRATION) return 'migration';
  return 'local';
}

export function startRecorder({ host, doc, summary, loadedBytes, me, sender, title, onError }: RecorderDeps): WorkshopRecorder {
  let pending: Promise<void> = Promise.resolve();
  let summaryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastSummary = summary;
  let unsaved = 0;
  let docBytes = loadedBytes;
  let appended = 0;
  const listeners = new Set<() => void>();
  const track = (write: () => Promise<void>) => {
    unsaved += 1;
    listeners.forEach((l) => l());
    // Chained so writes reach storage in the order they happened.
    pending = pending
      .then(write)
      .catch(onError)
      .finally(() => {
        unsaved -= 1;
        listeners.forEach((l) => l());
      });
  };
  const saveSummary = () => {
    summaryTimer = null;
    // The scheduled summary counted as unsaved; track() below counts its write instead.
    unsaved -= 1;
    lastSummary = { ...lastSummary, title: title(), updatedAt: Date.now() };
    const next = lastSummary;
    track(() => host.storage.setSummary(next));
  };
  // After a failed append, storage lacks a change that later ones may depend on; the next
  // write then stores the whole state, which brings storage level with the doc again.
  let behind = false;
  const append = async (record: Uint8Array) => {
    const bytes = behind ? encodeHistoryRecord({ at: Date.now(), kind: 'local', from: me(), clients: [], summary: null, update: Y.encodeStateAsUpdate(doc) }) : record;
    behind = false;
    try {
      await host.storage.append(summary.id, bytes);
    } catch (e) {
      behind = true;
      throw e;
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (origin === STORAGE) return;
    appended += update.byteLength;
    const kind = kindOf(transaction);
    const clients = [...transaction.afterState].filter(([client, clock]) => clock > (transaction.beforeState.get(client) ?? 0)).map(([client]) => client);
    const record = encodeHistoryRecord({ at: Date.now(), kind, from: kind === 'peer' ? sender() : me(), clients, summary: summarizeTransaction(doc, transaction), update });
    track(() => append(record));
    if (summaryTimer === null) {
      unsaved += 1;
      summaryTimer = setTimeout(saveSummary, SUMMARY_DELAY_MS);
    }
  };
  // My first change names my Yjs client's participant, in a transaction of its own right after.
  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === STORAGE) return;
    if ((transaction.afterState.get(doc.clientID) ?? 0) <= (transaction.beforeState.get(doc.clientID) ?? 0)) return;
    if (docRoot(doc, 'clients').has(String(doc.clientID))) return;
    doc.transact(() => attestClient(doc, me()), ROOM);
  };
  doc.on('update', onUpdate);
  doc.on('afterTransaction', onTransaction);
  // On reload or tab close, write the pending list entry now rather than after the delay.
  const onPageHide = () => {
    if (summaryTimer !== null) {
      clearTimeout(summaryTimer);
      saveSummary();
    }
  };
  window.addEventListener('pagehide', onPageHide);
  // Changes made while earlier ones are being stored are waited for too.
  const flush = async () => {
    for (;;) {
      if (summaryTimer !== null) {
        clearTimeout(summaryTimer);
        saveSummary();
      }
      const waited = pending;
      await waited;
      if (waited === pending && summaryTimer === null) return;
    }
  };
  return {
    flush,
    unsaved: () => unsaved,
    onUnsavedChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    docBytes: () => {
      // Appended updates overlap what the doc holds; measure again once they outgrow it.
      if (appended > Math.max(1 << 20, docBytes / 2)) {
        docBytes = Y.encodeStateAsUpdate(doc).byteLength;
        appended = 0;
      }
      return docBytes + appended;
    },
    stop: async () => {
      doc.off('update', onUpdate);
      doc.off('afterTransaction', onTransaction);
      window.removeEventListener('pagehide', onPageHide);
      await flush();
    },
  };
}
