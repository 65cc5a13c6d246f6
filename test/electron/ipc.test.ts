// The main side of the IPC contract: every call is checked for its channel, its sender and its
// payload, and every answer is a Result with a literal error code.
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../electron/main/codedError';
import { dispatch, registerIpc } from '../../electron/main/ipc';
import type { Handlers, IpcOptions } from '../../electron/main/ipc';
import { channels } from '../../shared/protocol';
import { FakeIpcMain, frame, invokeEvent } from '../support/ipcFakes';

const OWN_ID = 7;
const options: IpcOptions = { isOwnWebContents: (id) => id === OWN_ID };
const good = invokeEvent(OWN_ID, frame('app://bridgeboard/index.html'));
const summary = { id: 'w1', title: 'Line 4', createdAt: 1, updatedAt: 2 };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    'storage:list': async () => [summary],
    'storage:create': unused,
    'storage:load': async () => ({ state: new Uint8Array([1, 2]), skippedBytes: 0 }),
    'storage:append': async () => null,
    'storage:setSummary': unused,
    'storage:close': unused,
    'storage:remove': unused,
    'storage:recover': unused,
    'storage:history': unused,
    'vault:read': unused,
    'vault:write': unused,
    'files:save': unused,
    'files:open': async () => null,
    'files:takeOpened': unused,
    'files:waitOpened': unused,
    'shell:openExternal': unused,
    'identity:get': unused,
    'identity:signCharter': unused,
    'identity:signSeal': unused,
    'identity:signFacilitatorAction': unused,
    'identity:signBallot': unused,
    'identity:replace': unused,
    'signaling:addresses': unused,
    'signaling:start': unused,
    'signaling:stop': unused,
    'signaling:status': unused,
    'signaling:useCertificate': unused,
    'signaling:trustCertificate': unused,
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a good call with ok and the value', async () => {
    expect(await dispatch(handlers(), options, 'storage:list', good, {})).toEqual({ ok: true, value: [summary] });
    const loaded = await dispatch(handlers(), options, 'storage:load', good, { id: 'w1' });
    expect(loaded).toEqual({ ok: true, value: { state: new Uint8Array([1, 2]), skippedBytes: 0 } });
  });

  it.each(['storage:drop', 'storage', '', '__proto__', 'constructor', 'toString', 42, null])('refuses the unknown channel %j', async (channel) => {
    const result = await dispatch(handlers(), options, channel, good, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it.each([
    ['another origin', invokeEvent(OWN_ID, frame('https://evil.example/'))],
    ['a lookalike host', invokeEvent(OWN_ID, frame('app://bridgeboard.evil/index.html'))],
    ['a port on the app host', invokeEvent(OWN_ID, frame('app://bridgeboard:444/index.html'))],
    ['credentials in the url', invokeEvent(OWN_ID, frame('app://x@bridgeboard/index.html'))],
    ['file://', invokeEvent(OWN_ID, frame('file:///tmp/index.html'))],
    ['a subframe of our page', invokeEvent(OWN_ID, frame('app://bridgeboard/frame.html', frame('app://bridgeboard/index.html')))],
    ['a window we did not create', invokeEvent(99, frame('app://bridgeboard/index.html'))],
    ['a frame that is gone', invokeEvent(OWN_ID, null)],
    ['an unparsable url', invokeEvent(OWN_ID, frame('not a url'))],
  ])('refuses a sender from %s', async (_what, event) => {
    let called = false;
    const result = await dispatch(handlers({ 'storage:list': async () => ((called = true), []) }), options, 'storage:list', event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(called).toBe(false);
  });

  it.each([
    ['storage:load', undefined],
    ['storage:load', { id: '../../etc' }],
    ['storage:load', { id: 'w1', extra: true }],
    ['storage:append', { id: 'w1', update: [1, 2, 3] }],
    ['storage:append', { id: 'w1', update: new Uint8Array() }],
    ['storage:append', { id: 'w1', update: 'AQID' }],
    ['storage:create', { summary: { ...summary, createdAt: -1 }, state: new Uint8Array([0]) }],
    ['files:save', { suggestedName: '../x.bridgeboard', bytes: new Uint8Array([1]) }],
    ['shell:openExternal', { url: 5 }],
  ])('refuses a malformed %s payload', async (channel, payload) => {
    const result = await dispatch(handlers(), options, channel, good, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it.each([
    ['files:save', { suggestedName: 'x.bridgeboard', bytes: new Uint8Array(50 * 1024 * 1024 + 1) }],
    ['storage:append', { id: 'w1', update: new Uint8Array(50 * 1024 * 1024 + 1) }],
  ])('answers too-large for an oversized %s payload', async (channel, payload) => {
    const result = await dispatch(handlers(), options, channel, good, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('50 MB') } });
  });

  it('passes a service error code through, and hides unexpected errors behind internal', async () => {
    const notFound = handlers({ 'storage:load': async () => Promise.reject(new CodedError('not-found', 'There is no workshop w9.')) });
    expect(await dispatch(notFound, options, 'storage:load', good, { id: 'w9' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no workshop w9.' },
    });
    const logged: string[] = [];
    const crash = handlers({ 'storage:load': async () => Promise.reject(new Error('/home/secret/path exploded')) });
    const result = await dispatch(crash, { ...options, log: (m) => logged.push(m) }, 'storage:load', good, { id: 'w1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('refuses to send a response that breaks the contract', async () => {
    const bad = handlers({ 'storage:list': async () => [{ id: '../x' }] as never });
    expect(await dispatch(bad, options, 'storage:list', good, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('registerIpc', () => {
  it('registers exactly the contract channels, and removes them again', async () => {
    const ipcMain = new FakeIpcMain();
    const unregister = registerIpc(ipcMain, handlers(), options);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(await ipcMain.invoke('storage:list', good, {})).toEqual({ ok: true, value: [summary] });
    await expect(ipcMain.invoke('storage:drop', good, {})).rejects.toThrow(/No handler/);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
