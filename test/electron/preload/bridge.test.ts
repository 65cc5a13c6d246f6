// The preload's bridge and the renderer's Electron host, wired to the real main-side dispatch:
// the page sees only contract methods, and failures arrive as HostErrors with their codes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CodedError } from '../../../electron/main/codedError';
import { registerIpc } from '../../../electron/main/ipc';
import type { Handlers } from '../../../electron/main/ipc';
import { exposeBridge } from '../../../electron/preload/exposeBridge';
import type { ContextBridgeLike, IpcRendererLike } from '../../../electron/preload/exposeBridge';
import { createElectronHost, detectElectronHost, isBridge } from '../../../renderer/src/host/electronHost';
import { HostError } from '../../../renderer/src/host/Host';
import type { BridgeApi } from '../../../shared/protocol';
import { BRIDGE_GLOBAL, channels } from '../../../shared/protocol';
import { FakeIpcMain, frame, invokeEvent } from '../../support/ipcFakes';

class FakeContextBridge implements ContextBridgeLike {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: BridgeApi): void {
    this.exposed.set(apiKey, api);
  }
}

function wire(handlers: Partial<Handlers>, senderUrl = 'app://bridgeboard/index.html') {
  const ipcMain = new FakeIpcMain();
  const fail = () => Promise.reject(new Error('not used'));
  const all = Object.fromEntries(channels.map((c) => [c, handlers[c] ?? fail])) as unknown as Handlers;
  registerIpc(ipcMain, all, { isOwnWebContents: (id) => id === 1 });
  const sent: string[] = [];
  const ipcRenderer: IpcRendererLike = {
    invoke: (channel, payload) => {
      sent.push(channel);
      // Structured clone is what IPC does to every payload; Uint8Array survives it.
      return ipcMain.invoke(channel, invokeEvent(1, frame(senderUrl)), structuredClone(payload));
    },
  };
  const contextBridge = new FakeContextBridge();
  exposeBridge(contextBridge, ipcRenderer);
  return { contextBridge, sent, bridge: contextBridge.exposed.get(BRIDGE_GLOBAL) };
}

describe('preload bridge', () => {
  it('exposes one global holding exactly the contract methods and nothing else', () => {
    const { contextBridge, bridge } = wire({});
    expect([...contextBridge.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const exposedMethods = Object.entries(bridge as Record<string, Record<string, unknown>>).flatMap(([ns, group]) =>
      Object.entries(group).map(([method, fn]) => {
        expect(typeof fn).toBe('function');
        return `${ns}:${method}`;
      }),
    );
    expect(exposedMethods.sort()).toEqual([...channels].sort());
    expect(JSON.stringify(Object.keys(bridge as object))).not.toMatch(/ipc|send|invoke|on/i);
  });

  it('sends each method only on its own channel', async () => {
    const { bridge, sent } = wire({ 'storage:list': async () => [] });
    await (bridge as BridgeApi).storage.list({});
    expect(sent).toEqual(['storage:list']);
  });
});

describe('Electron host', () => {
  it('round-trips Yjs updates as Uint8Array through the bridge', async () => {
    const stored: Uint8Array[] = [];
    const { bridge } = wire({
      'storage:append': async ({ update }) => ((stored.push(update), null)),
      'storage:load': async () => ({ state: Y.mergeUpdates(stored), skippedBytes: 3 }),
    });
    const host = createElectronHost(bridge as BridgeApi);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => void host.storage.append('w1', u));
    doc.getMap('m').set('k', 'v');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const loaded = await host.storage.load('w1');
    expect(loaded.state).toBeInstanceOf(Uint8Array);
    expect(loaded.skippedBytes).toBe(3);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded.state);
    expect(copy.getMap('m').get('k')).toBe('v');
  });

  it.each([
    ['a service error', { 'storage:load': async () => Promise.reject(new CodedError('corrupt', 'log damaged')) }, 'app://bridgeboard/', 'corrupt'],
    ['a bad sender', {}, 'https://evil.example/', 'forbidden'],
    ['an unexpected error', { 'storage:load': async () => Promise.reject(new Error('boom')) }, 'app://bridgeboard/', 'unavailable'],
  ] as const)('turns %s into a HostError', async (_what, handlers, url, code) => {
    const host = createElectronHost(wire(handlers as Partial<Handlers>, url).bridge as BridgeApi);
    const error = await host.storage.load('w1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe(code);
  });

  it('rejects a malformed request before it leaves the renderer process boundary as invalid-request', async () => {
    const host = createElectronHost(wire({}).bridge as BridgeApi);
    const error = await host.storage.load('../../etc').catch((e: unknown) => e);
    expect((error as HostError).code).toBe('invalid-request');
  });

  it('refuses non-http links to openExternal', async () => {
    const opened: string[] = [];
    const { createHandlers } = await import('../../../electron/main/handlers');
    const real = createHandlers({ store: {} as never, files: {} as never, openExternal: async (url) => void opened.push(url) });
    const host = createElectronHost(wire({ 'shell:openExternal': real['shell:openExternal'] }).bridge as BridgeApi);
    await host.openExternal('https://www.nist.gov/itl/ai-risk-management-framework');
    const error = await host.openExternal('file:///etc/passwd').catch((e: unknown) => e);
    expect((error as HostError).code).toBe('forbidden');
    expect(opened).toEqual(['https://www.nist.gov/itl/ai-risk-management-framework']);
  });

  it('is detected only when a complete bridge is on the global', () => {
    const global = globalThis as Record<string, unknown>;
    expect(detectElectronHost()).toBeNull();
    const { bridge } = wire({});
    try {
      global[BRIDGE_GLOBAL] = { storage: {} };
      expect(detectElectronHost()).toBeNull();
      global[BRIDGE_GLOBAL] = bridge;
      expect(detectElectronHost()?.kind).toBe('electron');
      expect(isBridge({ ...(bridge as object), files: { save: () => 0 } })).toBe(false);
    } finally {
      delete global[BRIDGE_GLOBAL];
    }
  });
});
