// How much history a workshop keeps. Every stored change is kept until the history holds more
// than MAX_HISTORY_RECORDS of them; then the oldest half is folded into checkpoints: one whole
// state at each point the facilitator pinned within it, and one where the fold ends. What is
// lost is the change-by-change detail of that older half; the pinned points stay restorable.
import * as Y from 'yjs';
import { readPins } from './historyPins';
import type { HistoryRecord } from './historyRecord';
import { createReplayer } from './historyReplay';

export const MAX_HISTORY_RECORDS = 100_000;

/** The records that replace the first `replaced` records of the history. */
export interface Fold {
  readonly replaced: number;
  readonly checkpoints: readonly HistoryRecord[];
}

export function planFold(records: readonly HistoryRecord[], maxRecords = MAX_HISTORY_RECORDS): Fold | null {
  if (records.length <= maxRecords) return null;
  return foldAt(records, Math.floor(records.length / 2));
}

/** Folds the first `cut` records: checkpoints at the pins within them, and one where they end. */
export function foldAt(records: readonly HistoryRecord[], cut: number): Fold {
  const replay = createReplayer(records);
  const end = replay.docAt(cut - 1);
  const pins = readPins(end);
  end.destroy();
  const checkpoints: HistoryRecord[] = [];
  const checkpointAt = (index: number, at: number | null): HistoryRecord => {
    const doc = replay.docAt(index);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { at, kind: 'checkpoint', from: null, clients: [], summary: null, update };
  };
  let last = -1;
  for (const pin of pins) {
    // The last record stored at or before the pin's time, within the folded half.
    let index = -1;
    for (let i = last + 1; i < cut; i++) {
      const at = records[i]?.at;
      if (at !== null && at !== undefined && at <= pin.at) index = i;
    }
    if (index > last && index < cut - 1) {
      checkpoints.push(checkpointAt(index, records[index]?.at ?? null));
      last = index;
    }
  }
  checkpoints.push(checkpointAt(cut - 1, records[cut - 1]?.at ?? null));
  return { replaced: cut, checkpoints };
}
