// The board at any point of its history: the stored records replayed, from the nearest
// checkpoint before the point (a checkpoint holds a whole state), into a fresh doc. Replaying
// also yields what each record changed, for records stored before summaries were kept.
import * as Y from 'yjs';
import { summarizeTransaction, type ChangeSummary } from './changeSummary';
import type { HistoryRecord } from './historyRecord';

/** Replays are cached every this many records, so moving along the timeline stays quick. */
const CACHE_EVERY = 1000;

export interface Replayer {
  /** A new doc holding the state right after record `index` (-1: before the first). The caller destroys it. */
  docAt(index: number): Y.Doc;
  /** The state vector right after record `index`. */
  stateVectorAt(index: number): Map<number, number>;
}

function applyRecord(doc: Y.Doc, record: HistoryRecord): void {
  try {
    Y.applyUpdate(doc, record.update);
  } catch {
    // A record that does not apply is skipped here as it was when it was stored.
  }
}

export function createReplayer(records: readonly HistoryRecord[]): Replayer {
  const cache = new Map<number, Uint8Array>();
  const build = (index: number): Y.Doc => {
    const last = Math.min(index, records.length - 1);
    // Start from the latest checkpoint or cached state at or before `last`.
    let start = -1;
    let doc = new Y.Doc();
    for (let i = last; i >= 0; i--) {
      const cached = cache.get(i);
      if (cached) {
        Y.applyUpdate(doc, cached);
        start = i;
        break;
      }
      if (records[i]?.kind === 'checkpoint') {
        start = i - 1;
        break;
      }
    }
    for (let i = start + 1; i <= last; i++) {
      const record = records[i];
      if (!record) continue;
      if (record.kind === 'checkpoint') {
        doc.destroy();
        doc = new Y.Doc();
      }
      applyRecord(doc, record);
      if (i % CACHE_EVERY === CACHE_EVERY - 1 && !cache.has(i)) cache.set(i, Y.encodeStateAsUpdate(doc));
    }
    return doc;
  };
  return {
    docAt: build,
    stateVectorAt: (index) => {
      const doc = build(index);
      const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
      doc.destroy();
      return sv;
    },
  };
}

/** The records with every missing summary filled in by replaying them once. */
export function withSummaries(records: readonly HistoryRecord[]): HistoryRecord[] {
  if (records.every((r) => r.summary !== null || r.kind === 'checkpoint')) return [...records];
  let doc = new Y.Doc();
  let current: ChangeSummary | null = null;
  const onTransaction = (transaction: Y.Transaction, d: Y.Doc) => {
    current = summarizeTransaction(d, transaction);
  };
  doc.on('afterTransaction', onTransaction);
  const out = records.map((record) => {
    if (record.kind === 'checkpoint') {
      doc.off('afterTransaction', onTransaction);
      doc.destroy();
      doc = new Y.Doc();
      doc.on('afterTransaction', onTransaction);
    }
    current = null;
    applyRecord(doc, record);
    return record.summary !== null || record.kind === 'checkpoint' ? record : { ...record, summary: current };
  });
  doc.destroy();
  return out;
}
