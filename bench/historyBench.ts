// The document schema's guard and the history, in Node (`npm run bench -- history`):
// - what the update guard costs on a 1 KiB update to a 2,000-card board (target p95 < 1 ms),
//   beside the floor of only decoding it;
// - the worst updates the guard lets through, applied (target < 100 ms each), and the largest
//   honest one (a first sync of the biggest board);
// - opening the history of a 10,000-change workshop (target < 500 ms): decoding the records,
//   summaries, the timeline; and the same for records older versions stored (summaries by replay);
// - restoring the board to a point (target < 1 s): replaying to it and writing the difference.
import * as Y from 'yjs';
import { addCard, editField, moveCard, SECTION_IDS } from '../shared/board';
import { DEFAULT_GUARD_LIMITS } from '../shared/doc';
import { buildTimeline, createReplayer, decodeHistoryRecord, encodeHistoryRecord, readClients, restoreBoard, summarizeTransaction, withSummaries, type HistoryRecord } from '../shared/history';
import { checkWorkshopUpdate, initWorkshop } from '../shared/schema';
import { median, percentile, report, time } from './benchUtil';

function board(cards: number): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Bench', facilitator: 'F', createdAt: 0 });
  const ids: string[] = [];
  for (let i = 0; i < cards; i++) ids.push(addCard(doc, { section: SECTION_IDS[i % SECTION_IDS.length] ?? 'goals', fields: { title: `Card ${i}` }, author: { name: 'Bench', side: i % 2 ? 'IT' : 'OT' } }, i));
  return { doc, ids };
}

/** The update a copy of `doc` makes when `change` runs on it. */
function change(doc: Y.Doc, fn: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  fn(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const applyMs = (base: Uint8Array, update: Uint8Array): number => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  return time(() => Y.applyUpdate(doc, update)).ms;
};

// --- The guard on a 1 KiB update to a 2,000-card board.
const big = board(2000);
const oneKiB = change(big.doc, (c) => addCard(c, { section: 'risks', fields: { title: 'A risk', safeguard: 'x'.repeat(900) }, author: { name: 'Peer', side: 'OT' } }, 1));
const guardRuns: number[] = [];
const decodeRuns: number[] = [];
for (let i = 0; i < 500; i++) {
  guardRuns.push(time(() => checkWorkshopUpdate(big.doc, oneKiB)).ms);
  decodeRuns.push(time(() => Y.decodeUpdate(oneKiB)).ms);
}
const edit = change(big.doc, (c) => editField(c, big.ids[7] ?? '', 'title', 'Edited'));
const editRuns = Array.from({ length: 500 }, () => time(() => checkWorkshopUpdate(big.doc, edit)).ms);
report([
  ['guard: 1 KiB update (a new card), 2,000-card board', `${oneKiB.byteLength} B: median ${median(guardRuns).toFixed(3)} ms, p95 ${percentile(guardRuns, 95).toFixed(3)} ms`],
  ['  floor: decode only', `median ${median(decodeRuns).toFixed(3)} ms, p95 ${percentile(decodeRuns, 95).toFixed(3)} ms`],
  ['guard: one field edit', `${edit.byteLength} B: median ${median(editRuns).toFixed(3)} ms, p95 ${percentile(editRuns, 95).toFixed(3)} ms`],
]);

// --- The worst updates within the limits, and the largest honest one.
const small = board(200);
const smallState = Y.encodeStateAsUpdate(small.doc);
const limits = DEFAULT_GUARD_LIMITS;
// Concurrent writes: the per-update budget spread over keys at the per-key limit.
const keys = Math.floor(limits.maxConcurrentWrites / limits.maxConcurrentWritesPerKey);
const concurrent = Y.mergeUpdates(
  Array.from({ length: limits.maxConcurrentWritesPerKey }, (_, w) =>
    change(small.doc, (c) => {
      for (let k = 0; k < keys; k++) editField(c, small.ids[k] ?? '', 'title', `write ${w}`);
    }),
  ),
);
// Changes that wait for missing ones (Yjs keeps them pending and retries them on every later
// update): a peer's edits sent without its first one, as many as the limit allows.
const peer = new Y.Doc();
Y.applyUpdate(peer, smallState);
editField(peer, small.ids[0] ?? '', 'title', 'the missing first edit');
const afterFirst = Y.encodeStateVector(peer);
for (let i = 0; i < limits.maxPendingStructs; i++) editField(peer, small.ids[i % small.ids.length] ?? '', 'title', `waits ${i}`);
const waiting = Y.encodeStateAsUpdate(peer, afterFirst);
// Moves: every card moved many times (fractional ranks grow), in one update.
const moves = change(small.doc, (c) => {
  for (let round = 0; round < 20; round++) for (const id of small.ids) moveCard(c, id, 'goals', round % 3);
});
const largest = board(10_000);
const largestState = Y.encodeStateAsUpdate(largest.doc);
const worst: [string, Uint8Array, Uint8Array][] = [
  [`${limits.maxConcurrentWrites} concurrent writes (${limits.maxConcurrentWritesPerKey} to each of ${keys} keys)`, smallState, concurrent],
  [`${limits.maxPendingStructs} changes waiting for a missing one`, smallState, waiting],
  ['4,000 moves in one update', smallState, moves],
  ['first sync of a 10,000-card board (honest, largest)', new Uint8Array([0, 0]), largestState],
];
report(
  worst.map(([label, base, update]) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const verdict = time(() => checkWorkshopUpdate(doc, update));
    const applied = Array.from({ length: 3 }, () => applyMs(base, update));
    return [label, `${(update.byteLength / 1024).toFixed(0)} KiB, ${verdict.value.ok ? 'accepted' : `refused (${verdict.value.reason})`}: guard ${verdict.ms.toFixed(1)} ms, apply ${median(applied).toFixed(1)} ms`] as const;
  }),
);

// --- The history of a 10,000-change workshop.
function workshop(changes: number, legacy: boolean): { doc: Y.Doc; records: Uint8Array[] } {
  const doc = new Y.Doc();
  const records: Uint8Array[] = [];
  let at = 1_000_000;
  doc.on('update', (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
    at += 1500;
    records.push(legacy ? update : encodeHistoryRecord({ at, kind: 'local', from: 'p1', clients: [doc.clientID], summary: summarizeTransaction(doc, tr), update }));
  });
  initWorkshop(doc, { title: 'History', facilitator: 'F', createdAt: 0 });
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++) ids.push(addCard(doc, { section: SECTION_IDS[i % 8] ?? 'goals', fields: { title: `Card ${i}` }, author: { name: 'A', side: 'IT' } }, i));
  for (let i = records.length; i < changes; i++) {
    if (i % 4 === 0) moveCard(doc, ids[i % ids.length] ?? '', 'parking', 0);
    else editField(doc, ids[i % ids.length] ?? '', 'title', `Title ${i}`);
  }
  return { doc, records };
}

for (const legacy of [false, true]) {
  const w = workshop(10_000, legacy);
  const opens = Array.from({ length: 3 }, () =>
    time(() => {
      const decoded = w.records.map((r) => decodeHistoryRecord(r)).filter((r): r is HistoryRecord => r !== null);
      const records = withSummaries(decoded);
      return { records, timeline: buildTimeline(records, readClients(w.doc)) };
    }),
  );
  const { records, timeline } = opens[0]!.value;
  const restores = Array.from({ length: 3 }, () =>
    time(() => {
      const live = new Y.Doc();
      Y.applyUpdate(live, Y.encodeStateAsUpdate(w.doc));
      const past = createReplayer(records).docAt(Math.floor(records.length / 2));
      return restoreBoard(live, past, 'restore');
    }),
  );
  report([
    [`history of ${records.length.toLocaleString('en')} changes${legacy ? ' (bare updates of older versions: summaries by replay)' : ''}`, `open ${median(opens.map((o) => o.ms)).toFixed(0)} ms → ${timeline.length} entries`],
    ['  restore to the middle (replay + write the difference)', `${median(restores.map((r) => r.ms)).toFixed(0)} ms, ${restores[0]!.value} values written`],
  ]);
}
