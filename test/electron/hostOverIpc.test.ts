// The whole desktop path in Node: the renderer's Electron host, the preload bridge, IPC
// dispatch and the real handler table over real workshop storage on disk. Only Electron's
// ipcMain/ipcRenderer/contextBridge are fakes.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createFileService } from '../../electron/main/fileDialogs';
import { createHandlers } from '../../electron/main/handlers';
import { registerIpc } from '../../electron/main/ipc';
import { WorkshopStore } from '../../electron/main/storage/workshopStore';
import { VaultStore } from '../../electron/main/vault/vaultStore';
import { decodeHistoryRecord, encodeHistoryRecord } from '../../shared/history';
import { fakeSafeStorage } from '../support/fakeSafeStorage';
import { keysIn, setKey } from '../support/schemaKeys';
import { exposeBridge } from '../../electron/preload/exposeBridge';
import { createElectronHost } from '../../renderer/src/host/electronHost';
import type { Host } from '../../renderer/src/host/Host';
import { HostError } from '../../renderer/src/host/Host';
import type { BridgeApi } from '../../shared/protocol';
import { FakeIpcMain, frame, invokeEvent } from '../support/ipcFakes';

let dir: string;
let host: Host;
let opened: string[];

/** A fresh "main process" (new store, new IPC) over the same folder, and the host the renderer gets. */
async function makeHost(compactEvery: number): Promise<Host> {
  const store = await WorkshopStore.create(join(dir, 'workshops'), { compactEvery });
  const exportPath = join(dir, 'export.bridgeboard');
  const files = createFileService({
    showSaveDialog: async () => ({ canceled: false, filePath: exportPath }),
    showOpenDialog: async () => ({ canceled: false, filePaths: [exportPath] }),
  });
  const vault = new VaultStore(join(dir, 'vault'), fakeSafeStorage());
  const ipcMain = new FakeIpcMain();
  registerIpc(ipcMain, createHandlers({ store, vault, files, openExternal: async (url) => void opened.push(url) }), { isOwnWebContents: (id) => id === 1 });
  let bridge: BridgeApi | null = null;
  exposeBridge(
    { exposeInMainWorld: (_key, api) => void (bridge = api) },
    { invoke: (channel, payload) => ipcMain.invoke(channel, invokeEvent(1, frame('app://bridgeboard/index.html')), structuredClone(payload)) },
  );
  if (bridge === null) throw new Error('the preload exposed nothing');
  return createElectronHost(bridge);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bb-host-'));
  opened = [];
  host = await makeHost(5);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof HostError ? error.code : `other: ${String(error)}`),
  );
}

/**
 * Workshop 'w' with three updates (setting a, b, c) in one log, then the byte at
 * `offset(first update)` of that log flipped, as damage on disk would.
 */
async function damagedWorkshop(offset: (first: Uint8Array) => number) {
  const writer = await makeHost(1000);
  await writer.storage.create({ id: 'w', title: 'w', createdAt: 0, updatedAt: 0 }, Y.encodeStateAsUpdate(new Y.Doc()));
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const key of ['a', 'b', 'c']) setKey(doc, key);
  for (const u of updates) await writer.storage.append('w', u);
  const workshop = join(dir, 'workshops', 'w');
  const logName = (await readdir(workshop)).find((f) => f.endsWith('.bblog')) ?? '';
  const bytes = await readFile(join(workshop, logName));
  const at = offset(updates[0] ?? new Uint8Array());
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  await writeFile(join(workshop, logName), bytes);
  return { updates, workshop, logName, bytes };
}

describe('Host over IPC over real storage', () => {
  it('stores a board edit by edit and gives it back after a restart of the store', async () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Line 4');
    const summary = { id: 'line4', title: 'Line 4', createdAt: 1000, updatedAt: 1000 };
    await host.storage.create(summary, Y.encodeStateAsUpdate(doc));
    const pending: Promise<void>[] = [];
    doc.on('update', (update: Uint8Array) => pending.push(host.storage.append('line4', update)));
    for (let i = 0; i < 12; i += 1) doc.getMap('cards').set(`c${i}`, `goal ${i}`);
    await Promise.all(pending);
    await host.storage.setSummary({ ...summary, title: 'Line 4 kickoff', updatedAt: 2000 });
    await host.storage.close('line4');

    expect(await host.storage.list()).toEqual([{ ...summary, title: 'Line 4 kickoff', updatedAt: 2000 }]);
    const loaded = await host.storage.load('line4');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded.state);
    expect(copy.getMap('cards').size).toBe(12);
    expect(loaded.skippedBytes).toBe(0);

    await host.storage.remove('line4');
    expect(await host.storage.list()).toEqual([]);
    expect(await codeOf(host.storage.load('line4'))).toBe('not-found');
  });

  it('tells the renderer, with a code, when a workshop is damaged', async () => {
    await damagedWorkshop(() => 14);

    const error = await (await makeHost(1000)).storage.load('w').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('damaged at byte 0') });
  });

  it('recovers a workshop damaged in the middle of its log: keeps what reads, sets the damage aside, opens', async () => {
    // Into the payload of the second record (b): 12-byte headers, then a's payload.
    const { updates, workshop, logName, bytes } = await damagedWorkshop((first) => 12 + first.byteLength + 12 + 2);

    const reader = await makeHost(1000);
    expect(await codeOf(reader.storage.load('w'))).toBe('corrupt');
    const report = await reader.storage.recover('w');
    expect(report).toEqual({ keptUpdates: 2, skippedBytes: 12 + (updates[1]?.byteLength ?? 0) });

    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await (await makeHost(1000)).storage.load('w')).state);
    // a survives; c came after the lost b from the same client, so it waits, kept, for b.
    expect(keysIn(copy)).toEqual(['a']);
    Y.applyUpdate(copy, updates[1] ?? new Uint8Array());
    expect(keysIn(copy)).toEqual(['a', 'b', 'c']);
    // The damaged log is kept aside, byte for byte, not deleted.
    const aside = (await readdir(workshop)).find((f) => f.startsWith('damaged-')) ?? '';
    expect(Buffer.compare(await readFile(join(workshop, aside, logName)), bytes)).toBe(0);
    expect(await codeOf(reader.storage.recover('nope'))).toBe('not-found');
    // A workshop that loads is never reshuffled.
    expect(await codeOf(reader.storage.recover('w'))).toBe('invalid-request');
    expect((await readdir(workshop)).filter((f) => f.startsWith('damaged-'))).toHaveLength(1);
  });

  it('refuses a change that is not a Yjs update, with the reason, and stores nothing', async () => {
    const doc = new Y.Doc();
    await host.storage.create({ id: 'w', title: 'w', createdAt: 0, updatedAt: 0 }, Y.encodeStateAsUpdate(doc));
    const saved: Promise<void>[] = [];
    doc.on('update', (u: Uint8Array) => saved.push(host.storage.append('w', u)));
    doc.getMap('m').set('kept', 'yes');
    await Promise.all(saved);
    await host.storage.close('w');
    const workshop = join(dir, 'workshops', 'w');
    const files = async () =>
      Promise.all(
        (await readdir(workshop, { withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort()
          .map(async (f) => [f, await readFile(join(workshop, f))] as const),
      );
    const before = await files();

    for (const bytes of [Uint8Array.from([0xff, 0x01, 0x02]), new TextEncoder().encode('not a board change')]) {
      const error = await host.storage.append('w', bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect(error).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('The change was not saved: the bytes are not a Yjs update') });
    }
    await host.storage.close('w');
    expect(await files()).toEqual(before);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await (await makeHost(5)).storage.load('w')).state);
    expect(copy.getMap('m').toJSON()).toEqual({ kept: 'yes' });
  });

  it('saves and opens workshop files, and refuses non-http links', async () => {
    expect(await host.files.save('line4.bridgeboard', new Uint8Array([66, 66]))).toBe(true);
    expect(await host.files.open()).toEqual({ name: 'export.bridgeboard', bytes: new Uint8Array([66, 66]) });
    await host.openExternal('https://example.com/charter');
    expect(await codeOf(host.openExternal('file:///etc/passwd'))).toBe('forbidden');
    expect(opened).toEqual(['https://example.com/charter']);
  });

  it('refuses bad ids before they reach the disk', async () => {
    expect(await codeOf(host.storage.load('../../etc'))).toBe('invalid-request');
    expect(await codeOf(host.storage.create({ id: '..', title: '', createdAt: 0, updatedAt: 0 }, new Uint8Array([0, 0])))).toBe('invalid-request');
  });

  const summary = { id: 'w', title: 'Vaulted', createdAt: 1, updatedAt: 1 };

  it('keeps a workshop’s secrets encrypted in main, across restarts, and removes them with the workshop', async () => {
    await host.storage.create(summary, Y.encodeStateAsUpdate(new Y.Doc()));
    const secret = 'room-secret-that-must-not-be-on-disk';
    await host.vault.write('w', 'room', JSON.stringify({ secret }));
    await host.vault.write('w', 'facilitation.pin', 'key');
    const again = await makeHost(5);
    expect(await again.vault.read('w')).toEqual({ room: JSON.stringify({ secret }), 'facilitation.pin': 'key' });
    const files = await readdir(join(dir, 'vault'));
    expect(files).toEqual(['w.vault']);
    expect((await readFile(join(dir, 'vault', 'w.vault'), 'utf8')).includes(secret)).toBe(false);
    await again.vault.write('w', 'facilitation.pin', null);
    expect(await again.vault.read('w')).toEqual({ room: JSON.stringify({ secret }) });
    expect(await codeOf(again.vault.write('w', 'no spaces allowed', 'x'))).toBe('invalid-request');
    await again.storage.remove('w');
    expect(await readdir(join(dir, 'vault'))).toEqual([]);
    expect(await again.vault.read('w')).toEqual({});
  });

  it('reads back every stored change as the history, across a compaction', async () => {
    const doc = new Y.Doc();
    await host.storage.create(summary, Y.encodeStateAsUpdate(doc));
    const records: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => records.push(encodeHistoryRecord({ at: 7, kind: 'local', from: 'p', clients: [doc.clientID], summary: null, update })));
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) doc.getMap('m').set(key, key);
    for (const r of records) await host.storage.append('w', r);
    const history = await host.storage.history('w');
    expect(history.map((r) => decodeHistoryRecord(r)?.kind)).toEqual(['checkpoint', ...Array<string>(7).fill('local')]);
  });
});
