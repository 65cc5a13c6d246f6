// One open workshop: its Y.Doc loaded from the host's storage, its board store, and the
// persistence loop (every non-storage update is appended, in order; the list entry follows the
// title). Performance marks around loading let the benchmark read the load time.
import * as Y from 'yjs';
import type { Author } from '../../../../shared/board';
import { HostError, type Host, type WorkshopSummary } from '../../host/Host';
import { createBoardStore, type BoardStore } from './boardStore';

/** Origin of updates that came from storage, so they are not written back. */
export const STORAGE = { name: 'bridgeboard-storage' } as const;
const SUMMARY_DELAY_MS = 400;

export interface WorkshopSession {
  readonly id: string;
  readonly store: BoardStore;
  /** Resolves when every change so far is stored. */
  flush(): Promise<void>;
  /** How many writes are not yet acknowledged by storage, and a way to watch that number. */
  unsaved(): number;
  onUnsavedChange(listener: () => void): () => void;
  close(): Promise<void>;
}

export async function openWorkshopSession(
  host: Host,
  summary: WorkshopSummary,
  author: () => Author,
  onError: (e: unknown) => void,
): Promise<WorkshopSession> {
  performance.mark('bb:load:start');
  const loaded = await host.storage.load(summary.id);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, loaded.state, STORAGE);
  } catch {
    throw new HostError('unrecoverable', "This workshop's stored state cannot be read; nothing was changed. Open a copy exported earlier, or rejoin a room that has it.");
  }
  performance.mark('bb:load:end');
  performance.measure('bb:load', 'bb:load:start', 'bb:load:end');

  const store = createBoardStore(doc, author);
  let pending: Promise<void> = Promise.resolve();
  let summaryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastSummary = summary;
  let unsaved = 0;
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
    const meta = store.getState().snapshot.meta;
    lastSummary = { ...lastSummary, title: meta.title, updatedAt: Date.now() };
    const next = lastSummary;
    track(() => host.storage.setSummary(next));
  };
  // After a failed append, storage lacks an update that later ones may depend on; the next
  // write then stores the whole state, which brings storage level with the doc again.
  let behind = false;
  const append = async (update: Uint8Array) => {
    const bytes = behind ? Y.encodeStateAsUpdate(doc) : update;
    behind = false;
    try {
      await host.storage.append(summary.id, bytes);
    } catch (e) {
      behind = true;
      throw e;
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === STORAGE) return;
    track(() => append(update));
    if (summaryTimer === null) {
      unsaved += 1;
      summaryTimer = setTimeout(saveSummary, SUMMARY_DELAY_MS);
    }
  };
  doc.on('update', onUpdate);
  // On reload or tab close, write the pending list entry now rather than after the delay.
  const onPageHide = () => {
    if (summaryTimer !== null) {
      clearTimeout(summaryTimer);
      saveSummary();
    }
  };
  window.addEventListener('pagehide', onPageHide);

  const flush = async () => {
    if (summaryTimer !== null) {
      clearTimeout(summaryTimer);
      saveSummary();
    }
    await pending;
  };
  return {
    id: summary.id,
    store,
    flush,
    unsaved: () => unsaved,
    onUnsavedChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      doc.off('update', onUpdate);
      window.removeEventListener('pagehide', onPageHide);
      await flush();
      store.destroy();
      doc.destroy();
      await host.storage.close(summary.id).catch(onError);
    },
  };
}
