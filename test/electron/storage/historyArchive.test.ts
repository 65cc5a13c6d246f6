// The desktop app's history on real files: compaction moves merged logs into the history
// instead of deleting them, after the state they start from, so every stored change of a
// workshop can be read back in order across compactions, restarts, an interrupted compaction
// and a workshop written by the last release; past its limit, the oldest half folds into
// checkpoints that still restore.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot, editField } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { createReplayer, decodeHistoryRecord, encodeHistoryRecord, pinPoint, type HistoryRecord } from '../../../shared/history';
import { WorkshopStore } from '../../../electron/main/storage/workshopStore';
import { foldHistoryIfNeeded, readHistory } from '../../../electron/main/storage/historyArchive';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bb-history-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const summary = (id: string) => ({ id, title: 'Line 4', createdAt: 1, updatedAt: 2 });

/** A board whose every change is captured as a history record, as the app's recorder stores it. */
function board() {
  const doc = new Y.Doc();
  const records: Uint8Array[] = [];
  let at = 1000;
  doc.on('update', (update: Uint8Array) => records.push(encodeHistoryRecord({ at: at++, kind: 'local', from: 'p1', clients: [doc.clientID], summary: null, update })));
  initWorkshop(doc, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 });
  const initial = Y.encodeStateAsUpdate(doc);
  records.length = 0;
  return { doc, records, initial };
}

const decoded = (bytes: Uint8Array[]): HistoryRecord[] => bytes.map((b) => decodeHistoryRecord(b)).filter((r): r is HistoryRecord => r !== null);
const titlesAt = (history: Uint8Array[], index: number): string[] => {
  const doc = createReplayer(decoded(history)).docAt(index);
  return Object.values(buildSnapshot(doc).cards).map((c) => c.fields.title ?? '').sort();
};

describe('the history on disk', () => {
  it('keeps every stored change across compactions and a restart, oldest first, after the state it started from', async () => {
    const store = await WorkshopStore.create(root, { compactEvery: 4 });
    const b = board();
    await store.create(summary('w1'), b.initial);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(addCard(b.doc, { section: 'goals', fields: { title: `card ${i}` }, author: { name: 'A', side: 'IT' } }, i));
    editField(b.doc, ids[0] ?? '', 'title', 'first, renamed');
    for (const r of b.records) await store.append('w1', r);
    await store.close('w1');
    expect((await readdir(join(root, 'w1', 'history'))).filter((n) => n.endsWith('.bblog')).length).toBeGreaterThan(1);

    const again = await WorkshopStore.create(root, { compactEvery: 4 });
    const history = await again.history('w1');
    expect(decoded(history)).toHaveLength(history.length);
    expect(decodeHistoryRecord(history[0] ?? new Uint8Array())?.kind).toBe('checkpoint');
    // The records are the appended ones, in order, after the base.
    expect(history.slice(1).map((r) => Buffer.from(r).toString('hex'))).toEqual(b.records.map((r) => Buffer.from(r).toString('hex')));
    expect(titlesAt(history, 0)).toEqual([]);
    expect(titlesAt(history, 3)).toEqual(['card 0', 'card 1', 'card 2']);
    expect(titlesAt(history, history.length - 1)).toContain('first, renamed');
  });

  it('an interrupted compaction loses nothing from the history and repeats nothing', async () => {
    let crash = true;
    const store = await WorkshopStore.create(root, {
      compactEvery: 1000,
      onCompactionStep: (step) => {
        if (crash && step === 'snapshot-renamed') throw new Error('power cut');
      },
    });
    const b = board();
    await store.create(summary('w1'), b.initial);
    for (let i = 0; i < 5; i++) addCard(b.doc, { section: 'risks', fields: { title: `risk ${i}` }, author: { name: 'A', side: 'OT' } }, i);
    for (const r of b.records) await store.append('w1', r);
    await store.close('w1').catch(() => undefined);
    crash = false;
    // The merged log was left behind; opening moves it into the history.
    const again = await WorkshopStore.create(root);
    const history = await again.history('w1');
    expect(history).toHaveLength(1 + b.records.length);
    expect(titlesAt(history, history.length - 1)).toEqual(['risk 0', 'risk 1', 'risk 2', 'risk 3', 'risk 4']);
  });

  it('a workshop written by the last release reads as its snapshot and its bare updates, and keeps them once compacted', async () => {
    await cp(new URL('../../fixtures/docs/electron-userData-workshops', import.meta.url), root, { recursive: true });
    const store = await WorkshopStore.create(root);
    const before = await store.history('ws-release-v1');
    expect(decoded(before).map((r) => r.kind)).toEqual(['checkpoint', ...Array<string>(24).fill('legacy')]);
    const b = board();
    await store.append('ws-release-v1', encodeHistoryRecord({ at: 5, kind: 'local', from: 'p1', clients: [], summary: null, update: b.initial }));
    await store.close('ws-release-v1');
    const after = await (await WorkshopStore.create(root)).history('ws-release-v1');
    expect(decoded(after).map((r) => r.kind)).toEqual(['checkpoint', ...Array<string>(24).fill('legacy'), 'local']);
    expect(titlesAt(after, after.length - 1)).toHaveLength(9);
  });

  it('past its limit the oldest half folds into checkpoints at the pinned points, which still restore', async () => {
    const store = await WorkshopStore.create(root, { compactEvery: 5 });
    const b = board();
    await store.create(summary('w1'), b.initial);
    for (let i = 0; i < 12; i++) {
      addCard(b.doc, { section: 'goals', fields: { title: `card ${i}` }, author: { name: 'A', side: 'IT' } }, i);
      if (i === 3) pinPoint(b.doc, { id: 'phase2', at: 1004, label: 'Phase 2', by: 'p1' });
    }
    for (const r of b.records) await store.append('w1', r);
    await store.close('w1');
    const dir = join(root, 'w1');
    const full = await readHistory(dir, null, []);
    await foldHistoryIfNeeded(dir, 8);
    const folded = await readHistory(dir, null, []);
    expect(folded.length).toBeLessThan(full.length);
    const kinds = decoded(folded).map((r) => r.kind);
    expect(kinds.filter((k) => k === 'checkpoint').length).toBeGreaterThanOrEqual(2);
    // The pinned point is a checkpoint holding the four cards added before it.
    const pinned = decoded(folded).findIndex((r) => r.kind === 'checkpoint' && r.at !== null && r.at <= 1004 && r.at >= 1000);
    expect(pinned).toBeGreaterThanOrEqual(0);
    expect(titlesAt(folded, pinned)).toEqual(['card 0', 'card 1', 'card 2', 'card 3']);
    // And the end of the history is the same board.
    expect(titlesAt(folded, folded.length - 1)).toEqual(titlesAt(full, full.length - 1));
  });
});
