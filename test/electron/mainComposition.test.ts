// The composed main process (electron/main/index.ts) against a fake `electron` module: it must
// sandbox everything, register the scheme before ready, install the policies, open a secure
// window, and answer IPC from that window over real storage in a temp userData folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/protocol';
import { FakeIpcMain, frame, invokeEvent } from '../support/ipcFakes';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; url: string; id: number }[] = [];
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  return { calls, listeners, windows, whenReady, ready: () => ready(), userData: '' };
});

vi.mock('electron', async () => {
  const ipcMain = new FakeIpcMain();
  class BrowserWindow {
    static next = 1;
    readonly webContents = { id: BrowserWindow.next++ };
    constructor(readonly options: unknown) {}
    once(): this {
      return this;
    }
    on(): this {
      return this;
    }
    show(): void {}
    focus(): void {}
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    async loadURL(url: string): Promise<void> {
      fake.windows.push({ options: this.options, url, id: this.webContents.id });
    }
  }
  return {
    app: {
      enableSandbox: () => void fake.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (fake.calls.push('requestSingleInstanceLock'), true),
      quit: () => void fake.calls.push('quit'),
      on(event: string, listener: (...args: unknown[]) => void) {
        fake.listeners.set(event, listener);
        return this;
      },
      removeAllListeners: () => undefined,
      setAsDefaultProtocolClient: () => true,
      whenReady: () => fake.whenReady,
      getPath: (name: string) => (name === 'userData' ? fake.userData : '/nonexistent'),
    },
    BrowserWindow,
    ipcMain,
    dialog: { showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => void fake.calls.push(`registerScheme:${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string) => void fake.calls.push(`handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void fake.calls.push('permissionRequestHandler'),
        setPermissionCheckHandler: () => void fake.calls.push('permissionCheckHandler'),
        webRequest: { onHeadersReceived: () => void fake.calls.push('onHeadersReceived') },
        setCertificateVerifyProc: () => void fake.calls.push('certificateVerifyProc'),
      },
    },
    shell: { openExternal: async () => undefined },
    // Only touched when the renderer asks for its identity key, which this test does not.
    safeStorage: {},
  };
});

afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('main process composition', () => {
  it('hardens before ready, then serves a secure window whose IPC works', async () => {
    fake.userData = mkdtempSync(join(tmpdir(), 'bb-main-'));
    await import('../../electron/main/index');
    expect(fake.calls.slice(0, 3)).toEqual(['enableSandbox', 'registerScheme:app', 'requestSingleInstanceLock']);
    expect(fake.listeners.has('web-contents-created')).toBe(true);

    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(expect.arrayContaining(['permissionRequestHandler', 'permissionCheckHandler', 'onHeadersReceived', 'certificateVerifyProc', 'handle:app']));
    const [window] = fake.windows;
    expect(window?.url).toBe('app://bridgeboard/index.html');
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });

    const { ipcMain } = (await import('electron')) as unknown as { ipcMain: FakeIpcMain };
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    const fromWindow = invokeEvent(window?.id ?? -1, frame('app://bridgeboard/index.html'));
    expect(await ipcMain.invoke('storage:list', fromWindow, {})).toEqual({ ok: true, value: [] });
    const stranger = invokeEvent((window?.id ?? 0) + 50, frame('app://bridgeboard/index.html'));
    expect(await ipcMain.invoke('storage:list', stranger, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
