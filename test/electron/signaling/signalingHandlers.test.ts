// The LAN signaling channels over the real IPC layer and the real service: only our window may
// call them, every payload is parsed, refusals arrive as coded errors, and a started server is
// really listening until it is stopped.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHandlers } from '../../../electron/main/handlers';
import { registerIpc } from '../../../electron/main/ipc';
import { createLanSignalingService, type LanSignalingService } from '../../../electron/main/signaling/lanSignalingService';
import { FakeIpcMain, frame, invokeEvent } from '../../support/ipcFakes';

const OWN = 3;
const good = invokeEvent(OWN, frame('app://bridgeboard/index.html'));
const interfaces = () => ({
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [{ address: '10.9.8.7', family: 'IPv4', internal: false }],
});

let service: LanSignalingService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function setup(withService = true) {
  const ipcMain = new FakeIpcMain();
  service = withService ? createLanSignalingService({ networkInterfaces: interfaces }) : undefined;
  const handlers = createHandlers({ store: {} as never, files: {} as never, openExternal: async () => undefined, ...(service ? { signaling: service } : {}) });
  registerIpc(ipcMain, handlers, { isOwnWebContents: (id) => id === OWN });
  return (channel: string, payload: unknown, event = good) => ipcMain.invoke(channel, event, payload);
}

const opens = (url: string) =>
  new Promise<boolean>((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => (ws.close(), resolve(true)));
    ws.once('error', () => resolve(false));
  });

describe('signaling IPC channels', () => {
  it('lists the routable addresses first', async () => {
    const call = setup();
    const reply = await call('signaling:addresses', {});
    expect(reply).toMatchObject({ ok: true, value: [{ address: '10.9.8.7', url: 'ws://10.9.8.7:4444' }] });
  });

  it.each([
    ['another webContents', invokeEvent(99, frame('app://bridgeboard/index.html'))],
    ['a subframe', invokeEvent(OWN, frame('app://bridgeboard/index.html', frame('app://bridgeboard/index.html')))],
    ['a foreign origin', invokeEvent(OWN, frame('https://evil.example/'))],
  ])('refuses %s, and starts nothing', async (_what, event) => {
    const call = setup();
    for (const channel of ['signaling:addresses', 'signaling:start', 'signaling:stop', 'signaling:status']) {
      expect(await call(channel, channel === 'signaling:start' ? { host: '127.0.0.1', port: 0 } : {}, event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(service?.status().running).toBe(false);
  });

  it.each([
    ['a host name', { host: 'evil.example' }],
    ['a URL', { host: 'ws://127.0.0.1' }],
    ['a port out of range', { host: '127.0.0.1', port: 70000 }],
    ['a fractional port', { host: '127.0.0.1', port: 1.5 }],
    ['a port as text', { host: '127.0.0.1', port: '4444' }],
    ['an extra field', { host: '127.0.0.1', port: 0, log: true }],
    ['no host', {}],
    ['not an object', 'start'],
  ])('refuses a start request with %s', async (_what, payload) => {
    const call = setup();
    expect(await call('signaling:start', payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(service?.status().running).toBe(false);
  });

  it('refuses an address that is not one of this machine’s, with a sentence for the user', async () => {
    const call = setup();
    expect(await call('signaling:start', { host: '192.0.2.1', port: 0 })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'That address is not one of this machine’s network addresses.' },
    });
  });

  it('starts a real server on the picked address, reports it, and stops it', async () => {
    const call = setup();
    const started = (await call('signaling:start', { host: '127.0.0.1', port: 0 })) as { ok: true; value: { running: boolean; port: number; urls: string[] } };
    expect(started.ok).toBe(true);
    expect(started.value.running).toBe(true);
    expect(started.value.urls).toEqual([`ws://127.0.0.1:${started.value.port}`]);
    expect(await opens(started.value.urls[0] ?? '')).toBe(true);
    expect(await call('signaling:status', {})).toMatchObject({ ok: true, value: { running: true, port: started.value.port } });
    expect(await call('signaling:stop', {})).toEqual({ ok: true, value: null });
    expect(await call('signaling:status', {})).toMatchObject({ ok: true, value: { running: false, urls: [] } });
    expect(await opens(started.value.urls[0] ?? '')).toBe(false);
  });

  it('answers unavailable where no signaling service exists', async () => {
    const call = setup(false);
    expect(await call('signaling:status', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
