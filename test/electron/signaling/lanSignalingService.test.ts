// The facilitator's LAN server service: picks only this machine's addresses, restarts on a new
// choice, reports URLs for the invite, and explains failures as codes.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLanSignalingService, type LanSignalingService } from '../../../electron/main/signaling/lanSignalingService';
import { connect } from './wsClient';

const loopbackOnly = () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] });
let service: LanSignalingService | undefined;
afterEach(async () => service?.stop());

describe('LAN signaling service', () => {
  it('starts on a chosen own address, serves clients, and stops', async () => {
    service = createLanSignalingService({ networkInterfaces: loopbackOnly });
    const started = await service.start({ host: '127.0.0.1', port: 0 });
    if (!started.ok) throw new Error(started.error);
    expect(started.value.urls).toEqual([`ws://127.0.0.1:${started.value.port}`]);
    const c = await connect(started.value.urls[0]!);
    await expect.poll(() => service!.status().connections).toBe(1);
    await service.stop();
    expect((await c.closed).code).toBe(1001);
    expect(service.status()).toMatchObject({ running: false, urls: [] });
  });

  it('refuses an address that is not one of this machine\'s', async () => {
    service = createLanSignalingService({ networkInterfaces: loopbackOnly });
    expect(await service.start({ host: '8.8.8.8', port: 0 })).toEqual({ ok: false, error: 'not-an-interface' });
    expect(await service.start({ host: '127.0.0.1', port: 70_000 })).toEqual({ ok: false, error: 'bad-port' });
  });

  it('reports a taken port as address-in-use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    service = createLanSignalingService({ networkInterfaces: loopbackOnly });
    expect(await service.start({ host: '127.0.0.1', port })).toEqual({ ok: false, error: 'address-in-use' });
    await new Promise((r) => blocker.close(r));
  });

  it('restarts on a new port and never leaves two servers running, even under quick clicks', async () => {
    service = createLanSignalingService({ networkInterfaces: loopbackOnly });
    const [a, b] = await Promise.all([service.start({ host: '127.0.0.1', port: 0 }), service.start({ host: '127.0.0.1', port: 0 })]);
    if (!a.ok || !b.ok) throw new Error('start failed');
    // The second call found the server already running on that host and kept it.
    expect(b.value.port).toBe(a.value.port);
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const freePort = (blocker.address() as { port: number }).port;
    await new Promise((r) => blocker.close(r));
    const c = await service.start({ host: '127.0.0.1', port: freePort });
    if (!c.ok) throw new Error(c.error);
    expect(c.value.port).toBe(freePort);
    await expect(connect(`ws://127.0.0.1:${a.value.port}`)).rejects.toThrow();
  });

  it('on a wildcard host, puts every LAN address in the invite', async () => {
    const ifaces = () => ({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }],
    });
    service = createLanSignalingService({ networkInterfaces: ifaces });
    const r = await service.start({ host: '0.0.0.0', port: 0 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.urls).toEqual([`ws://192.168.1.20:${r.value.port}`]);
  });
});
