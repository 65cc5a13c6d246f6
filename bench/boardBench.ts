// Board model figures in Node: building, encoding, loading and snapshotting a 2,000-card board.
import * as Y from 'yjs';
import { addCard, buildSnapshot, changedCardIds, editField, SECTION_IDS } from '../shared/board';
import { initWorkshop } from '../shared/schema';
import { median, report, time } from './benchUtil';

const CARDS = 2_000;

function buildBoard(): Y.Doc {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Bench', facilitator: 'F', createdAt: 0 });
  for (let i = 0; i < CARDS; i++) {
    const section = SECTION_IDS[i % SECTION_IDS.length]!;
    addCard(doc, { section, fields: { title: `Card ${i}` }, author: { name: 'Bench', side: i % 2 ? 'IT' : 'OT' } }, i);
  }
  return doc;
}

const build = time(() => buildBoard());
const state = Y.encodeStateAsUpdate(build.value);
const loads = Array.from({ length: 10 }, () =>
  time(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  }),
);
const loaded = loads[0]!.value;
const fullSnapshots = Array.from({ length: 10 }, () => time(() => buildSnapshot(loaded)).ms);

let snap = buildSnapshot(loaded);
const ids = Object.keys(snap.cards);
let pending: Set<string> = new Set();
loaded.getMap('cards').observeDeep((events) => (pending = changedCardIds(events)));
const edits = Array.from({ length: 50 }, (_, i) =>
  time(() => {
    editField(loaded, ids[i * 7]!, 'title', `Edited ${i}`);
    snap = buildSnapshot(loaded, snap, pending);
  }).ms,
);

report([
  ['cards', CARDS],
  ['build board with 2,000 add operations', `${build.ms.toFixed(1)} ms`],
  ['encoded state size', `${(state.byteLength / 1024).toFixed(1)} KiB`],
  ['load state into a Y.Doc (median of 10)', `${median(loads.map((l) => l.ms)).toFixed(2)} ms`],
  ['full snapshot (median of 10)', `${median(fullSnapshots).toFixed(2)} ms`],
  ['one edit + incremental snapshot (median of 50)', `${median(edits).toFixed(3)} ms`],
]);
