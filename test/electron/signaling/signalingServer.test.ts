// Behaviour of the signaling server over real sockets on 127.0.0.1: y-webrtc's pub/sub
// semantics, the limits, robustness against garbage, counts-only logs and clean shutdown.
import { connect as tcpConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../../electron/main/signaling/signalingServer';
import { jsonLineLogger } from '../../../electron/main/signaling/signalingLog';
import { connect, eventually, sleep, type TestClient } from './wsClient';

const servers: SignalingServer[] = [];
const clients: TestClient[] = [];

async function start(options: SignalingServerOptions = {}): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, ...options });
  servers.push(server);
  return server;
}
async function client(server: SignalingServer, opts?: { autoPong?: boolean }): Promise<TestClient> {
  const c = await connect(server.url, opts);
  clients.push(c);
  return c;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('y-webrtc signaling protocol', () => {
  it('re-broadcasts a publish to every subscriber of the topic, with the clients count', async () => {
    const server = await start();
    const a = await client(server);
    const b = await client(server);
    const other = await client(server);
    a.send({ type: 'subscribe', topics: ['room-1'] });
    b.send({ type: 'subscribe', topics: ['room-1'] });
    other.send({ type: 'subscribe', topics: ['room-2'] });
    await eventually(() => server.stats().subscriptions === 3);

    a.send({ type: 'publish', topic: 'room-1', data: 'opaque-ciphertext' });
    const got = await b.next((m) => m.type === 'publish');
    expect(got).toEqual({ type: 'publish', topic: 'room-1', data: 'opaque-ciphertext', clients: 2 });
    // Like the reference server, the publisher (a subscriber) receives its own message too.
    expect(await a.next((m) => m.type === 'publish')).toEqual(got);
    await sleep(50);
    expect(other.received).toEqual([]);
  });

  it('answers ping with pong', async () => {
    const server = await start();
    const a = await client(server);
    a.send({ type: 'ping' });
    expect(await a.next((m) => m.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('stops delivering after unsubscribe and forgets empty topics', async () => {
    const server = await start();
    const a = await client(server);
    const b = await client(server);
    a.send({ type: 'subscribe', topics: ['t'] });
    b.send({ type: 'subscribe', topics: ['t'] });
    await eventually(() => server.stats().subscriptions === 2);
    b.send({ type: 'unsubscribe', topics: ['t'] });
    await eventually(() => server.stats().subscriptions === 1);
    a.send({ type: 'publish', topic: 't', data: 1 });
    expect(await a.next((m) => m.type === 'publish')).toMatchObject({ clients: 1 });
    a.send({ type: 'unsubscribe', topics: ['t'] });
    await eventually(() => server.stats().topics === 0);
    expect(b.received).toEqual([]);
  });

  it('drops a closed connection from its topics', async () => {
    const server = await start();
    const a = await client(server);
    a.send({ type: 'subscribe', topics: ['x', 'y'] });
    await eventually(() => server.stats().topics === 2);
    await a.close();
    await eventually(() => server.stats().topics === 0 && server.stats().connections === 0);
  });

  it('serves a plain HTTP health check', async () => {
    const server = await start();
    const res = await fetch(server.url.replace('ws://', 'http://'));
    expect(await res.text()).toBe('okay');
  });
});

describe('hostile input', () => {
  it('ignores and counts malformed JSON and wrong shapes without crashing', async () => {
    const server = await start();
    const a = await client(server);
    const garbage: (string | Buffer)[] = [
      '{', 'null', '[]', '42', '"str"', '{"type":"publish"}', '{"type":"publish","topic":5}',
      '{"type":"subscribe","topics":"nope"}', '{"type":"nope"}', '{}', '{"type":{"x":1}}',
      '{"__proto__":{"type":"ping"}}', Buffer.from([0xff, 0xfe, 0x00, 0x01]), '\u0000',
      JSON.stringify({ type: 'subscribe', topics: [1, null, {}, ['a']] }),
    ];
    for (const g of garbage) a.sendRaw(g);
    a.send({ type: 'ping' });
    await a.next((m) => m.type === 'pong');
    expect(server.stats().dropped.malformed).toBe(garbage.length - 1);
    expect(server.stats().topics).toBe(0);
    expect(a.ws.readyState).toBe(a.ws.OPEN);
  });

  it('survives broken handshakes and raw garbage without leaking connection slots', async () => {
    const server = await start({ limits: { maxConnections: 1 } });
    const { port } = server;
    const raw = [
      'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n', // no key, no version
      'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: bad\r\n\r\n',
      '\u0000\u00ff garbage that is not HTTP\r\n\r\n',
    ];
    for (const text of raw) {
      await new Promise<void>((resolve) => {
        const socket = tcpConnect(port, '127.0.0.1', () => socket.end(text));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.resume();
      });
    }
    // The only slot is still free.
    const c = await client(server);
    c.send({ type: 'ping' });
    await c.next((m) => m.type === 'pong');
  });

  it('closes a connection that sends an oversized message, and counts it', async () => {
    const server = await start({ limits: { maxMessageBytes: 1024 } });
    const a = await client(server);
    const b = await client(server);
    a.sendRaw(JSON.stringify({ type: 'publish', topic: 't', data: 'x'.repeat(2048) }));
    expect((await a.closed).code).toBe(1009);
    await eventually(() => server.stats().closed.oversized === 1);
    b.send({ type: 'ping' });
    await b.next((m) => m.type === 'pong');
  });

  it('caps topics per connection and topic name length', async () => {
    const server = await start({ limits: { maxTopicsPerConnection: 3, maxTopicLength: 16 } });
    const a = await client(server);
    a.send({ type: 'subscribe', topics: ['a', 'b', 'c', 'd', 'e'] });
    a.send({ type: 'subscribe', topics: ['x'.repeat(17)] });
    a.send({ type: 'ping' });
    await a.next((m) => m.type === 'pong');
    expect(server.stats().topics).toBe(3);
    expect(server.stats().dropped.topicLimit).toBe(2);
    expect(server.stats().dropped.topicTooLong).toBe(1);
  });

  it('caps the total number of topics', async () => {
    const server = await start({ limits: { maxTopics: 2 } });
    const a = await client(server);
    const b = await client(server);
    a.send({ type: 'subscribe', topics: ['1', '2'] });
    await eventually(() => server.stats().topics === 2);
    b.send({ type: 'subscribe', topics: ['1', '3'] });
    await eventually(() => server.stats().subscriptions === 3);
    expect(server.stats().dropped.topicTable).toBe(1);
    // Joining an existing topic still works; the refused one is not silent.
    expect(await b.next((m) => m.type === 'subscribe-refused')).toEqual({ type: 'subscribe-refused', reason: 'topicTable', topics: ['3'] });
  });

  it('refuses connections beyond the maximum', async () => {
    const server = await start({ limits: { maxConnections: 2 } });
    await client(server);
    await client(server);
    await expect(connect(server.url)).rejects.toThrow('HTTP 503');
    expect(server.stats().connectionsRefused).toBe(1);
    await clients[0]!.close();
    await eventually(() => server.stats().connections === 1);
    await client(server);
  });

  it('rate-limits a flooding connection: drops beyond the burst, then closes it', async () => {
    let t = 0;
    const server = await start({ now: () => t, limits: { messagesPerSecond: 10, messageBurst: 5, maxDropsBeforeClose: 20 } });
    const flood = await client(server);
    const calm = await client(server);
    for (let i = 0; i < 10; i++) flood.send({ type: 'ping' });
    await eventually(() => server.stats().messagesIn === 10);
    expect(server.stats().dropped.rateLimited).toBe(5);
    await eventually(() => flood.received.length === 5);
    t += 1_000; // refills 10 tokens, capped at the burst of 5
    for (let i = 0; i < 6; i++) flood.send({ type: 'ping' });
    await eventually(() => server.stats().messagesIn === 16);
    expect(server.stats().dropped.rateLimited).toBe(6); // 5 + the sixth beyond the refilled burst
    // Drops long ago do not count towards closing: 11 old ones, then 19 fresh ones stay open.
    t += 11_000;
    for (let i = 0; i < 24; i++) flood.send({ type: 'ping' });
    await eventually(() => server.stats().messagesIn === 40);
    expect(server.stats().dropped.rateLimited).toBe(6 + 19);
    expect(flood.ws.readyState).toBe(flood.ws.OPEN);
    for (let i = 0; i < 30; i++) flood.send({ type: 'ping' });
    expect((await flood.closed).code).toBe(1008);
    expect(server.stats().closed.rateLimit).toBe(1);
    calm.send({ type: 'ping' });
    await calm.next((m) => m.type === 'pong');
  });

  it('terminates a connection that answers neither messages nor pings within the idle timeout', async () => {
    const server = await start({ limits: { idleTimeoutMs: 200 } });
    const dead = await client(server, { autoPong: false });
    const alive = await client(server);
    await dead.closed;
    expect(server.stats().closed.idle).toBe(1);
    await sleep(300);
    // The live client answered pings (ws answers them automatically), so it is still here.
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
  });

  it('cuts a receiver that stops reading instead of buffering for it without bound', async () => {
    const server = await start({ limits: { maxBufferedBytes: 64 * 1024, messagesPerSecond: 10_000, messageBurst: 10_000 } });
    const publisher = await client(server);
    const stalled = await client(server);
    stalled.send({ type: 'subscribe', topics: ['t'] });
    await eventually(() => server.stats().subscriptions === 1);
    // A paused client socket stops reading: kernel buffers fill, then the server's send buffer.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = JSON.stringify({ type: 'publish', topic: 't', data: 'x'.repeat(60_000) });
    for (let i = 0; i < 400 && server.stats().closed.backpressure === 0; i++) {
      publisher.sendRaw(big);
      if (i % 20 === 19) await sleep(5);
    }
    await eventually(() => server.stats().closed.backpressure === 1, 5_000);
    expect(server.stats().subscriptions).toBe(0);
    stalled.ws.terminate();
    clients.splice(clients.indexOf(stalled), 1);
  });

  it('logs counts only, never payloads or topic names', async () => {
    const lines: string[] = [];
    const server = await start({ log: jsonLineLogger((l) => lines.push(l)), statsIntervalMs: 20, limits: { maxConnections: 2 } });
    const a = await client(server);
    const b = await client(server);
    await expect(connect(server.url)).rejects.toThrow();
    a.send({ type: 'subscribe', topics: ['secret-room-name'] });
    b.send({ type: 'subscribe', topics: ['secret-room-name'] });
    await eventually(() => server.stats().subscriptions === 2);
    a.send({ type: 'publish', topic: 'secret-room-name', data: 'secret-payload' });
    await b.next((m) => m.type === 'publish');
    await sleep(60);
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await servers.pop()!.close();
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(all).not.toContain('secret');
    expect(all).not.toContain('127.0.0.1');
    for (const line of lines) {
      const { time: _t, level: _l, event: _e, ...fields } = JSON.parse(line) as Record<string, unknown>;
      for (const v of Object.values(fields)) expect(typeof v).toBe('number');
    }
  });
});

describe('shutdown', () => {
  it('close() ends every connection and resolves; the port is released', async () => {
    const server = await start();
    const a = await client(server);
    const b = await client(server);
    a.send({ type: 'subscribe', topics: ['t'] });
    await server.close();
    expect((await a.closed).code).toBe(1001);
    expect((await b.closed).code).toBe(1001);
    expect(server.stats().connections).toBe(0);
    await expect(connect(server.url)).rejects.toThrow();
    await server.close(); // idempotent
  });

  it('close() does not hang on a client that never completes the closing handshake', async () => {
    const server = await start({ closeGraceMs: 100 });
    const a = await client(server, { autoPong: false });
    // Pausing the client's socket means it never answers the close frame.
    (a.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    a.ws.terminate();
    clients.splice(clients.indexOf(a), 1);
  });
});
