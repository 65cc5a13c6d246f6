// Workshop storage through its public API, on real files.
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CodedError } from '../../../electron/main/codedError';
import { WorkshopStore } from '../../../electron/main/storage/workshopStore';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bb-store-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const summary = (id: string, title = 'Line 4 AI') => ({ id, title, createdAt: 1, updatedAt: 2 });

/** A doc whose updates we capture, so tests write real Yjs updates. */
function editor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const set = (key: string) => doc.getMap('m').set(key, key);
  return { doc, updates, set };
}

function keysOf(state: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return [...doc.getMap('m').keys()].sort();
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CodedError) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('WorkshopStore', () => {
  it('creates, lists, appends, reloads after a restart, and removes', async () => {
    const store = await WorkshopStore.create(root);
    const ed = editor();
    ed.set('a');
    await store.create(summary('w1'), Y.encodeStateAsUpdate(ed.doc));
    ed.updates.length = 0;
    ed.set('b');
    ed.set('c');
    await Promise.all(ed.updates.map((u) => store.append('w1', u)));
    expect(await store.list()).toEqual([summary('w1')]);
    await store.setSummary(summary('w1', 'Renamed'));

    const again = await WorkshopStore.create(root);
    expect((await again.list())[0]?.title).toBe('Renamed');
    const loaded = await again.load('w1');
    expect(keysOf(loaded.state)).toEqual(['a', 'b', 'c']);
    expect(loaded.skippedBytes).toBe(0);
    await again.close('w1');
    await again.remove('w1');
    expect(await again.list()).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('compacts into the snapshot after N updates and on close, keeping everything', async () => {
    const store = await WorkshopStore.create(root, { compactEvery: 10 });
    const ed = editor();
    await store.create(summary('w1'), Y.encodeStateAsUpdate(ed.doc));
    for (let i = 0; i < 25; i += 1) ed.set(`k${i}`);
    for (const u of ed.updates) await store.append('w1', u);
    const files = await readdir(join(root, 'w1'));
    expect(files.filter((f) => f.endsWith('.bblog'))).toHaveLength(1);
    await store.close('w1');
    const fresh = await WorkshopStore.create(root);
    expect(keysOf((await fresh.load('w1')).state)).toHaveLength(25);
  });

  it.each(['..', '../x', 'a/b', 'a\\b', '', '.hidden', 'x'.repeat(65), 'C:']) ('refuses the id %j', async (id) => {
    const store = await WorkshopStore.create(root);
    expect(await codeOf(store.load(id))).toBe('invalid-request');
    expect(await codeOf(store.create(summary(id), new Uint8Array([0, 0])))).toBe('invalid-request');
  });

  it('reports unknown and duplicate workshops', async () => {
    const store = await WorkshopStore.create(root);
    expect(await codeOf(store.load('nope'))).toBe('not-found');
    expect(await codeOf(store.append('nope', Y.encodeStateAsUpdate(new Y.Doc())))).toBe('not-found');
    await store.create(summary('w1'), Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await codeOf(store.create(summary('w1'), Y.encodeStateAsUpdate(new Y.Doc())))).toBe('invalid-request');
  });

  it('refuses to store bytes that are not a Yjs update, says why, and stores nothing', async () => {
    const store = await WorkshopStore.create(root);
    const ed = editor();
    await store.create(summary('w1'), Y.encodeStateAsUpdate(ed.doc));
    ed.set('a');
    const [update] = ed.updates;
    if (update === undefined) throw new Error('expected an update');
    await store.append('w1', update);
    const logPath = join(root, 'w1', (await readdir(join(root, 'w1'))).find((f) => f.endsWith('.bblog')) ?? '');
    const before = await readFile(logPath);
    const junk = [Uint8Array.from([0xff, 0xfe, 0xfd]), new TextEncoder().encode('{"cards":[]}'), update.subarray(0, update.byteLength - 3)];
    for (const bytes of junk) {
      const error = await store.append('w1', bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CodedError);
      expect(error).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/^The change was not saved: the bytes are not a Yjs update \(they do not decode: .+\)\.$/) });
    }
    expect(Buffer.compare(await readFile(logPath), before)).toBe(0);
    // A new workshop's first state is checked the same way.
    expect(await codeOf(store.create(summary('w2'), Uint8Array.from([0xff])))).toBe('invalid-request');
    expect(await readdir(root)).toEqual(['w1']);
    expect(keysOf((await (await WorkshopStore.create(root)).load('w1')).state)).toEqual(['a']);
  });

  it('skips a torn tail, reports its size, and cuts it off so later appends stay readable', async () => {
    const store = await WorkshopStore.create(root);
    const ed = editor();
    await store.create(summary('w1'), Y.encodeStateAsUpdate(ed.doc));
    ed.set('a');
    for (const u of ed.updates) await store.append('w1', u);
    await store.closeAll().catch(() => undefined);
    // closeAll compacted; write one more update, then tear a half-written record onto the log.
    const s2 = await WorkshopStore.create(root);
    ed.updates.length = 0;
    ed.set('b');
    await s2.load('w1');
    await s2.append('w1', ed.updates[0] ?? new Uint8Array());
    const log = (await readdir(join(root, 'w1'))).find((f) => f.endsWith('.bblog')) ?? '';
    await appendFile(join(root, 'w1', log), Uint8Array.from([7, 0, 0, 0, 1, 2]));

    const s3 = await WorkshopStore.create(root);
    const loaded = await s3.load('w1');
    expect(loaded.skippedBytes).toBe(6);
    expect(keysOf(loaded.state)).toEqual(['a', 'b']);
    ed.updates.length = 0;
    ed.set('c');
    await s3.append('w1', ed.updates[0] ?? new Uint8Array());
    const s4 = await WorkshopStore.create(root);
    const reloaded = await s4.load('w1');
    expect(reloaded.skippedBytes).toBe(0);
    expect(keysOf(reloaded.state)).toEqual(['a', 'b', 'c']);
  });

  it('refuses to load a log damaged in the middle, says where, and changes nothing', async () => {
    const store = await WorkshopStore.create(root);
    const ed = editor();
    await store.create(summary('w1'), Y.encodeStateAsUpdate(ed.doc));
    for (const key of ['a', 'b', 'c', 'd']) ed.set(key);
    for (const u of ed.updates) await store.append('w1', u);
    const log = join(root, 'w1', (await readdir(join(root, 'w1'))).find((f) => f.endsWith('.bblog')) ?? '');
    const bytes = await readFile(log);
    bytes[20] = (bytes[20] ?? 0) ^ 0xff;
    await writeFile(log, bytes);

    const fresh = await WorkshopStore.create(root);
    let message = '';
    try {
      await fresh.load('w1');
    } catch (error) {
      expect(error).toBeInstanceOf(CodedError);
      expect((error as CodedError).code).toBe('corrupt');
      message = (error as Error).message;
    }
    expect(message).toMatch(/damaged at byte 0/);
    expect(await codeOf(fresh.append('w1', ed.updates[0] ?? new Uint8Array()))).toBe('corrupt');
    expect(Buffer.compare(await readFile(log), bytes)).toBe(0);

    // Salvage keeps every record that still reads, and moves the damaged log aside.
    const result = await fresh.salvage('w1');
    expect(result.keptUpdates).toBe(3);
    expect(result.skippedBytes).toBeGreaterThan(0);
    const after = await (await WorkshopStore.create(root)).load('w1');
    expect(after.skippedBytes).toBe(0);
    // b, c and d depend on the lost a (same client), so Yjs holds them pending: kept, not applied.
    expect(keysOf(after.state)).toEqual([]);
    // Once a peer sends a again, everything salvaged falls into place.
    expect(keysOf(Y.mergeUpdates([after.state, ed.updates[0] ?? new Uint8Array()]))).toEqual(['a', 'b', 'c', 'd']);
    const damaged = (await readdir(join(root, 'w1'))).find((f) => f.startsWith('damaged-')) ?? '';
    expect(await readdir(join(root, 'w1', damaged))).toHaveLength(1);
  });

  it('refuses a damaged snapshot', async () => {
    const store = await WorkshopStore.create(root);
    await store.create(summary('w1'), Y.encodeStateAsUpdate(new Y.Doc()));
    const path = join(root, 'w1', 'snapshot.bbsnap');
    const bytes = await readFile(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await writeFile(path, bytes);
    expect(await codeOf((await WorkshopStore.create(root)).load('w1'))).toBe('unrecoverable');
    // Recovery cannot rebuild from a damaged snapshot, and says so rather than "not damaged".
    expect(await codeOf((await WorkshopStore.create(root)).salvage('w1'))).toBe('unrecoverable');
  });

  it('lists a workshop whose summary is unreadable under a placeholder title', async () => {
    const store = await WorkshopStore.create(root);
    await store.create(summary('w1'), Y.encodeStateAsUpdate(new Y.Doc()));
    await writeFile(join(root, 'w1', 'summary.json'), '{"id": "w1", "tit');
    expect((await store.list())[0]?.title).toMatch(/unreadable/);
  });
});

describe('closing and reopening at once', () => {
  it('a reopen during a close waits for its compaction and loses nothing', async () => {
    // The pause before rotating is where a reopen that did not wait would pick the old log,
    // which the compaction then deletes, taking the new appends with it.
    const store = await WorkshopStore.create(root, {
      onCompactionStep: (step) => (step === 'merged' ? new Promise((resolve) => setTimeout(resolve, 50)) : undefined),
    });
    const ed = editor();
    await store.create(summary('w1'), Y.encodeStateAsUpdate(ed.doc));
    for (let i = 0; i < 50; i += 1) ed.set(`a${i}`);
    await Promise.all(ed.updates.map((u) => store.append('w1', u)));
    ed.updates.length = 0;
    const closing = store.close('w1');
    const loading = store.load('w1');
    for (let i = 0; i < 20; i += 1) ed.set(`b${i}`);
    const appending = Promise.all(ed.updates.map((u) => store.append('w1', u)));
    await Promise.all([closing, loading, appending]);
    const fresh = await WorkshopStore.create(root);
    expect(keysOf((await fresh.load('w1')).state)).toHaveLength(70);
  });
});
