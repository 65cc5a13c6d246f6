// Per-address connection limits over real sockets: one address flooding the server with idle
// connections or half-open handshakes (slowloris) never locks out a client on another address.
// Distinct client addresses are 127.x.y.z source addresses, all loopback on Linux.
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../../electron/main/signaling/signalingServer';
import { jsonLineLogger } from '../../../electron/main/signaling/signalingLog';
import { connect, eventually, pairRoundTrip, type ConnectOptions, type TestClient } from './wsClient';

const attacker = '127.0.0.2';
const bystander = '127.0.0.3';
const servers: SignalingServer[] = [];
const clients: TestClient[] = [];
const sockets: Socket[] = [];

async function start(options: SignalingServerOptions): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, ...options });
  servers.push(server);
  return server;
}

/** Opens `count` connections at once; resolves with how many opened and the refusals' errors. */
async function flood(url: string, count: number, options: ConnectOptions): Promise<{ opened: number; errors: string[] }> {
  const results = await Promise.allSettled(Array.from({ length: count }, () => connect(url, options)));
  const errors: string[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') clients.push(r.value);
    else errors.push(String(r.reason));
  }
  return { opened: count - errors.length, errors };
}

/** A slowloris socket: connects, sends part of a request, never finishes. Resolves once
 * connected, with a promise of when the server cut it. */
async function halfOpen(port: number, localAddress: string): Promise<{ closed: Promise<number> }> {
  const socket = tcpConnect({ port, host: '127.0.0.1', localAddress });
  sockets.push(socket);
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  await new Promise<void>((resolve) => {
    socket.once('connect', () => resolve());
    socket.once('close', () => resolve());
  });
  if (!socket.destroyed) socket.write('GET / HTTP/1.1\r\nHost: signaling\r\nUpgrade: websocket\r\n');
  return { closed };
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('idle connection flood from one address', () => {
  it('refuses that address beyond its share with 429; another address still connects and publishes', async () => {
    const server = await start({ limits: { maxConnections: 12, maxConnectionsPerAddress: 4 } });
    const { opened, errors } = await flood(server.url, 10, { localAddress: attacker });
    expect(opened).toBe(4);
    expect(errors.every((e) => e.includes('HTTP 429'))).toBe(true);
    expect(server.stats().refused.addressFull).toBe(6);
    expect(server.stats().connectionsRefused).toBe(6);

    await pairRoundTrip(server.url, bystander, 'calm-room');
    // The attacker's slots come back when its connections go.
    await clients.splice(0, 1)[0]!.close();
    await eventually(() => server.stats().connections === 3);
    clients.push(await connect(server.url, { localAddress: attacker }));
  });

  it('still answers 503 when the server as a whole is full', async () => {
    const server = await start({ limits: { maxConnections: 4, maxConnectionsPerAddress: 2 } });
    await flood(server.url, 2, { localAddress: '127.0.0.4' });
    await flood(server.url, 2, { localAddress: '127.0.0.5' });
    await expect(connect(server.url, { localAddress: '127.0.0.6' })).rejects.toThrow('HTTP 503');
    expect(server.stats().refused).toEqual({ serverFull: 1, addressFull: 0, addressHandshakes: 0 });
  });
});

describe('slowloris from one address', () => {
  it('holds only its share of half-open sockets, cuts them at the handshake timeout, and lets others in', async () => {
    // Without the per-address cap, 80 half-open sockets would fill node's socket limit
    // (maxConnections + 64 = 66) and nobody could connect until they were cut.
    const handshakeTimeoutMs = 1_000;
    const server = await start({ limits: { maxConnections: 2, maxHandshakesPerAddress: 4, handshakeTimeoutMs } });
    const opened = Date.now();
    const wave = await Promise.all(Array.from({ length: 80 }, () => halfOpen(server.port, attacker)));
    await eventually(() => server.stats().refused.addressHandshakes === 76);

    await pairRoundTrip(server.url, bystander, 'calm-room');

    const closedAt = await Promise.all(wave.map((w) => w.closed));
    // Generous: the documented deadline plus slack for a loaded machine, far below node's 30 s check.
    expect(Math.max(...closedAt) - opened).toBeLessThan(handshakeTimeoutMs + 4_000);
    expect(server.stats().closed.handshakeTimeout).toBe(4);
    // Every slot came back: the attacker can connect again.
    clients.push(await connect(server.url, { localAddress: attacker }));
  });

  it('cuts a socket that sends nothing at all', async () => {
    const server = await start({ limits: { handshakeTimeoutMs: 200 } });
    const silent = tcpConnect({ port: server.port, host: '127.0.0.1' });
    sockets.push(silent);
    silent.on('error', () => {});
    await new Promise<void>((resolve) => silent.on('close', () => resolve()));
    expect(server.stats().closed.handshakeTimeout).toBe(1);
  });
});

describe('client address behind a reverse proxy', () => {
  const xff = (value: string) => ({ localAddress: attacker, headers: { 'X-Forwarded-For': value } });

  it('ignores forwarding headers unless told to trust a proxy', async () => {
    const server = await start({ limits: { maxConnectionsPerAddress: 2 } });
    await flood(server.url, 2, xff('203.0.113.1'));
    await expect(connect(server.url, xff('203.0.113.99'))).rejects.toThrow('HTTP 429');
  });

  it('with proxyHops 1, counts the address the proxy appended, whatever the client wrote before it', async () => {
    const lines: string[] = [];
    const server = await start({ limits: { maxConnectionsPerAddress: 2 }, addressing: { proxyHops: 1 }, log: jsonLineLogger((l) => lines.push(l)) });
    expect((await flood(server.url, 3, xff('198.51.100.7, 203.0.113.1'))).opened).toBe(2);
    expect((await flood(server.url, 2, xff('203.0.113.2'))).opened).toBe(2);
    // Spoofed entries to the left do not make a new client.
    await expect(connect(server.url, xff('198.51.100.8, 203.0.113.2'))).rejects.toThrow('HTTP 429');
    // Without the header, the proxy's own address is used, and the operator is warned.
    expect((await flood(server.url, 3, { localAddress: attacker })).opened).toBe(2);
    expect(lines.some((l) => l.includes('signaling.proxyHeader.missing'))).toBe(true);
  });

  it('reads RFC 7239 Forwarded when that is the configured header', async () => {
    const server = await start({ limits: { maxConnectionsPerAddress: 1 }, addressing: { proxyHops: 1, proxyHeader: 'forwarded' } });
    const fwd = (value: string) => ({ localAddress: attacker, headers: { Forwarded: value } });
    await flood(server.url, 1, fwd('for="[2001:db8:cafe::17]:4711";proto=https'));
    await flood(server.url, 1, fwd('for=192.0.2.60'));
    // Same /64 as the first: one client.
    await expect(connect(server.url, fwd('for="[2001:db8:cafe::99]"'))).rejects.toThrow('HTTP 429');
    expect(server.stats().connections).toBe(2);
  });

  it('applies the handshake timeout, not the per-address socket count, to the proxy itself', async () => {
    const server = await start({ limits: { maxHandshakesPerAddress: 2, handshakeTimeoutMs: 300 }, addressing: { proxyHops: 1 } });
    const wave = await Promise.all(Array.from({ length: 6 }, () => halfOpen(server.port, attacker)));
    await Promise.all(wave.map((w) => w.closed));
    expect(server.stats().refused.addressHandshakes).toBe(0);
    expect(server.stats().closed.handshakeTimeout).toBe(6);
  });
});
