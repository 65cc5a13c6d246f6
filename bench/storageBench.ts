// Workshop storage figures: append throughput with group commit (and without, for contrast),
// open time from a 10,000-update log and from its compacted snapshot, compaction time, and what
// the "is it a Yjs update" check costs each append.
// Run: npx tsx bench/storageBench.ts   (prints figures; asserts nothing)
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WorkshopStore } from '../electron/main/storage/workshopStore';
import { notAnUpdateReason } from '../shared/sync/updateCheck';

const UPDATES = 10_000;

/** Realistic board edits: card fields set one at a time, with some typing into a Y.Text. */
function boardUpdates(count: number): { initial: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const initial = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const cards = doc.getMap<Y.Map<unknown>>('cards');
  const notes = doc.getText('notes');
  for (let i = 0; updates.length < count; i += 1) {
    const id = `card-${i % 400}`;
    let card = cards.get(id);
    if (card === undefined) {
      card = new Y.Map<unknown>();
      cards.set(id, card);
    }
    if (i % 5 === 0) notes.insert(notes.length, `note ${i}; `);
    else card.set(['title', 'metric', 'target', 'owner'][i % 4] ?? 'title', `value ${i} for patch cadence vs. maintenance windows`);
  }
  return { initial, updates: updates.slice(0, count) };
}

function perSecond(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')} updates/s`;
}

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bb-bench-'));
  try {
    const { initial, updates } = boardUpdates(UPDATES);
    const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    console.log(`${UPDATES.toLocaleString('en-US')} board updates, ${(bytes / UPDATES).toFixed(0)} bytes each on average; folder in ${work}`);
    const summary = (id: string) => ({ id, title: 'bench', createdAt: 0, updatedAt: 0 });

    // The check each append runs before it is queued (and each record gets again when a log is read).
    // Timed on the third pass: a long-running main process runs it warm (the first pass is about 4x slower).
    let checkMs = 0;
    for (let pass = 0; pass < 3; pass += 1) [, checkMs] = await time(async () => updates.forEach((update) => notAnUpdateReason(update)));
    const state = Y.encodeStateAsUpdate((() => {
      const doc = new Y.Doc();
      updates.forEach((update) => Y.applyUpdate(doc, update));
      return doc;
    })());
    const [, stateCheckMs] = await time(async () => notAnUpdateReason(state));
    console.log(`update check (Y.decodeUpdate): ${((checkMs / UPDATES) * 1000).toFixed(1)} µs per board edit; ${stateCheckMs.toFixed(1)} ms for the whole board's state (${(state.byteLength / 1024).toFixed(0)} KiB) in one update`);

    // One at a time: every append waits for its own fsync (what a single typist sees).
    const serialStore = await WorkshopStore.create(join(work, 'serial'), { compactEvery: Number.MAX_SAFE_INTEGER });
    await serialStore.create(summary('s'), initial);
    const serialCount = 500;
    const [, serialMs] = await time(async () => {
      for (const update of updates.slice(0, serialCount)) await serialStore.append('s', update);
    });
    console.log(`append, one in flight (an fsync each):   ${perSecond(serialCount, serialMs)}  (${(serialMs / serialCount).toFixed(2)} ms per acknowledged update)`);

    // Many in flight: group commit writes and fsyncs whole batches.
    const root = join(work, 'grouped');
    const store = await WorkshopStore.create(root, { compactEvery: Number.MAX_SAFE_INTEGER });
    await store.create(summary('w'), initial);
    const [, groupMs] = await time(() => Promise.all(updates.map((update) => store.append('w', update))));
    console.log(`append, all ${UPDATES.toLocaleString('en-US')} in flight (group commit): ${perSecond(UPDATES, groupMs)}`);

    // Bursts of 32, as a busy room produces them.
    const burstStore = await WorkshopStore.create(join(work, 'bursts'), { compactEvery: Number.MAX_SAFE_INTEGER });
    await burstStore.create(summary('b'), initial);
    const [, burstMs] = await time(async () => {
      for (let i = 0; i < UPDATES; i += 32) await Promise.all(updates.slice(i, i + 32).map((u) => burstStore.append('b', u)));
    });
    console.log(`append, bursts of 32:                    ${perSecond(UPDATES, burstMs)}`);

    // Keep a copy of the log-only folder before close compacts the original.
    await cp(join(root, 'w'), join(root, 'logonly'), { recursive: true });
    const [, compactMs] = await time(() => store.close('w'));
    const snapshotSize = (await stat(join(root, 'w', 'snapshot.bbsnap'))).size;
    console.log(`compaction of ${UPDATES.toLocaleString('en-US')} updates (merge, write, fsync, rename): ${compactMs.toFixed(0)} ms -> snapshot of ${(snapshotSize / 1024).toFixed(0)} KiB (log was ${(bytes / 1024).toFixed(0)} KiB)`);

    for (const [label, id] of [
      [`open from a ${UPDATES.toLocaleString('en-US')}-update log`, 'logonly'],
      ['open from the compacted snapshot', 'w'],
    ] as const) {
      const fresh = await WorkshopStore.create(root, { compactEvery: Number.MAX_SAFE_INTEGER });
      const [loaded, ms] = await time(() => fresh.load(id));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loaded.state);
      console.log(`${label.padEnd(40)} ${ms.toFixed(0)} ms (state ${(loaded.state.byteLength / 1024).toFixed(0)} KiB, ${doc.getMap('cards').size} cards)`);
      await fresh.close(id);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
