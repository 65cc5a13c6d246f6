// Opening a .bridgeboard file from the OS, through the composed main process
// (electron/main/index.ts) against a fake `electron` module: the file that launched the app (in
// argv), one macOS opens before the app is ready and one after, and one a second launch hands
// over (relative to the folder it started in). The renderer's own code takes them over the real
// IPC path (preload bridge, sender check, schemas, handlers) and imports each into real storage
// in a temp userData folder; only Electron's objects are fakes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initWorkshop } from '../../shared/schema';
import { encodeWorkshopFile } from '../../shared/workshopFile';
import type { BridgeApi } from '../../shared/protocol';
import { exposeBridge } from '../../electron/preload/exposeBridge';
import { createElectronHost } from '../../renderer/src/host/electronHost';
import { importOpenedFiles } from '../../renderer/src/features/workshops';
import type { WorkshopSummary } from '../../renderer/src/host/Host';
import { FakeIpcMain, frame, invokeEvent } from '../support/ipcFakes';

const fake = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { url: string; id: number }[] = [];
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  return { listeners, windows, whenReady, ready: () => ready(), userData: '', shown: 0 };
});

vi.mock('electron', async () => {
  const ipcMain = new FakeIpcMain();
  class BrowserWindow {
    static next = 1;
    readonly webContents = { id: BrowserWindow.next++ };
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    show(): void {
      fake.shown += 1;
    }
    focus(): void {}
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    async loadURL(url: string): Promise<void> {
      fake.windows.push({ url, id: this.webContents.id });
    }
  }
  const none = () => undefined;
  return {
    app: {
      enableSandbox: none,
      requestSingleInstanceLock: () => true,
      quit: none,
      on(event: string, listener: (...args: unknown[]) => void) {
        fake.listeners.set(event, listener);
        return this;
      },
      removeAllListeners: none,
      setAsDefaultProtocolClient: () => true,
      whenReady: () => fake.whenReady,
      getPath: (name: string) => (name === 'userData' ? fake.userData : '/nonexistent'),
    },
    BrowserWindow,
    ipcMain,
    dialog: { showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    protocol: { registerSchemesAsPrivileged: none, handle: none },
    session: {
      defaultSession: {
        setPermissionRequestHandler: none,
        setPermissionCheckHandler: none,
        webRequest: { onHeadersReceived: none },
        setCertificateVerifyProc: none,
      },
    },
    shell: { openExternal: async () => undefined },
    safeStorage: {},
  };
});

const argv = process.argv;
afterAll(() => {
  process.argv = argv;
  rmSync(fake.userData, { recursive: true, force: true });
});

function workshopFile(title: string): Uint8Array {
  const doc = new Y.Doc();
  initWorkshop(doc, { title, facilitator: 'Ada', createdAt: 1_700_000_000_000 });
  return encodeWorkshopFile({ title, createdAt: 1_700_000_000_000, exportedAt: 1_700_000_100_000, appVersion: 'test' }, Y.encodeStateAsUpdate(doc));
}

describe('a workshop file opened from the OS', () => {
  it('is imported at launch, from macOS open-file before and after ready, and from a second launch', async () => {
    fake.userData = mkdtempSync(join(tmpdir(), 'bb-open-'));
    const files = join(fake.userData, 'Downloads');
    mkdirSync(files);
    for (const title of ['Launched', 'Before ready', 'After ready', 'Second launch']) writeFileSync(join(files, `${title}.bridgeboard`), workshopFile(title));
    writeFileSync(join(files, 'Not a workshop.bridgeboard'), new TextEncoder().encode('%PDF-1.7'));
    // What the OS starts the packaged app with when a file is double-clicked.
    process.argv = ['/opt/Bridgeboard/bridgeboard', '--no-sandbox', join(files, 'Launched.bridgeboard')];

    await import('../../electron/main/index');
    const openFile = fake.listeners.get('open-file');
    const secondInstance = fake.listeners.get('second-instance');
    if (!openFile || !secondInstance) throw new Error('main does not listen for open-file and second-instance');
    let prevented = 0;
    const event = { preventDefault: () => void (prevented += 1) };
    openFile(event, join(files, 'Before ready.bridgeboard'));
    expect(prevented).toBe(1);

    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const window = fake.windows[0];
    const { ipcMain } = (await import('electron')) as unknown as { ipcMain: FakeIpcMain };
    let bridge: BridgeApi | null = null;
    exposeBridge(
      { exposeInMainWorld: (_key, api) => void (bridge = api) },
      { invoke: (channel, payload) => ipcMain.invoke(channel, invokeEvent(window?.id ?? -1, frame('app://bridgeboard/index.html')), structuredClone(payload)) },
    );
    if (bridge === null) throw new Error('the preload exposed nothing');
    const host = createElectronHost(bridge);
    const imported: WorkshopSummary[] = [];
    const failed: string[] = [];
    const report = { imported: (s: WorkshopSummary) => void imported.push(s), failed: (name: string | null) => void failed.push(String(name)) };

    // What was opened before the window: taken when the renderer starts.
    expect(await host.openedFiles?.wait()).toBe(true);
    expect(await importOpenedFiles(host, report)).toBe(2);
    expect(imported.map((s) => s.title)).toEqual(['Launched', 'Before ready']);

    // While running: the renderer is waiting; a file opened now wakes it and the window comes to the front.
    const waiting = host.openedFiles?.wait();
    const shownBefore = fake.shown;
    openFile(event, join(files, 'After ready.bridgeboard'));
    expect(await waiting).toBe(true);
    expect(fake.shown).toBeGreaterThan(shownBefore);
    secondInstance({}, ['/opt/Bridgeboard/bridgeboard', 'Second launch.bridgeboard', 'Not a workshop.bridgeboard', '/etc/passwd'], files);
    expect(await importOpenedFiles(host, report)).toBe(3);
    expect(imported.map((s) => s.title)).toEqual(['Launched', 'Before ready', 'After ready', 'Second launch']);
    expect(failed).toEqual(['Not a workshop.bridgeboard']);

    // Each is a stored workshop like any import: a new id, listed.
    const stored = await host.storage.list();
    expect(stored.map((s) => s.title).sort()).toEqual(['After ready', 'Before ready', 'Launched', 'Second launch']);
    expect(new Set(stored.map((s) => s.id)).size).toBe(4);

    // Another page than our window gets nothing from the queue.
    openFile(event, join(files, 'Launched.bridgeboard'));
    const stranger = await ipcMain.invoke('files:takeOpened', invokeEvent((window?.id ?? 0) + 50, frame('app://bridgeboard/index.html')), {});
    expect(stranger).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const framed = await ipcMain.invoke('files:takeOpened', invokeEvent(window?.id ?? -1, frame('https://evil.example/', frame('app://bridgeboard/index.html'))), {});
    expect(framed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A request with anything in it (a path, say) is refused by the contract.
    const withPath = await ipcMain.invoke('files:takeOpened', invokeEvent(window?.id ?? -1, frame('app://bridgeboard/index.html')), { path: '/etc/passwd' });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await host.openedFiles?.take()).toMatchObject({ name: 'Launched.bridgeboard' });
  });
});
