// The bus between instances without Redis: what a received envelope must look like before it
// is delivered (it is checked like a client's message), and two servers sharing rooms through
// the in-process hub exactly as through Redis, while a lone server's default bus shares nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../../../electron/main/signaling/busEnvelope';
import { createLocalBusHub } from '../../../electron/main/signaling/localBus';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import { connect, eventually, sleep, type TestClient } from './wsClient';

const sender = { instance: 'i1', connection: 'c0', address: 'a0' };
const good = { v: 1, i: 'i1', c: 'c0', a: 'a0', t: 'room', m: { type: 'publish', topic: 'room', data: 'sealed' } };
const raw = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('bus envelope', () => {
  it('carries a publish untouched and reads it back', () => {
    const data = encodeEnvelope({ topic: 'room', message: { type: 'publish', topic: 'room', data: { opaque: [1, 2] } }, sender });
    const decoded = decodeEnvelope(data, 10_000, 256);
    expect(decoded).toEqual({ ok: true, message: { topic: 'room', message: { type: 'publish', topic: 'room', data: { opaque: [1, 2] } }, sender, bytes: data.length } });
  });

  const bad: [string, Buffer, 'oversized' | 'malformed'][] = [
    ['larger than the bus limit', raw({ ...good, m: { ...good.m, data: 'x'.repeat(2_000) } }), 'oversized'],
    ['not JSON', raw('{"v":1,'), 'malformed'],
    ['another version', raw({ ...good, v: 2 }), 'malformed'],
    ['no sender', raw({ ...good, i: undefined }), 'malformed'],
    ['an unknown field', raw({ ...good, x: 1 }), 'malformed'],
    ['a publish for another topic', raw({ ...good, m: { ...good.m, topic: 'other' } }), 'malformed'],
    ['not a publish', raw({ ...good, m: { type: 'subscribe', topic: 'room' } }), 'malformed'],
    ['a topic over the length limit', raw({ ...good, t: 'r'.repeat(300), m: { ...good.m, topic: 'r'.repeat(300) } }), 'malformed'],
    ['an array', raw([good]), 'malformed'],
  ];
  it.each(bad)('drops an envelope that is %s', (_name, data, reason) => {
    expect(decodeEnvelope(data, 1_000, 256)).toEqual({ ok: false, reason });
  });
});

describe('servers on the in-process bus', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });
  const serve = async (options: Parameters<typeof startSignalingServer>[0]) => {
    const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, ...options });
    cleanup.push(() => server.close());
    return server;
  };
  const client = async (server: SignalingServer) => {
    const c = await connect(server.url);
    cleanup.push(() => c.close());
    return c;
  };
  const got = (c: TestClient, data: string) => c.received.filter((m) => (m as { data?: unknown }).data === data).length;

  it('share a room: each subscriber hears a publish once, only while subscribed', async () => {
    const hub = createLocalBusHub();
    const [s1, s2] = await Promise.all([serve({ bus: hub.bus() }), serve({ bus: hub.bus() })]);
    const [a, b] = await Promise.all([client(s1), client(s2)]);
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    await eventually(() => s1.stats().subscriptions === 1 && s2.stats().subscriptions === 1);
    a.send({ type: 'publish', topic: 'room', data: 'one' });
    const heard = await b.next((m) => m.data === 'one');
    // Each instance counts only its own receivers.
    expect(heard.clients).toBe(1);
    b.send({ type: 'unsubscribe', topics: ['room'] });
    await eventually(() => s2.stats().subscriptions === 0);
    a.send({ type: 'publish', topic: 'room', data: 'two' });
    await a.next((m) => m.data === 'two');
    await sleep(100);
    expect([got(a, 'one'), got(b, 'one'), got(a, 'two'), got(b, 'two')]).toEqual([1, 1, 1, 0]);
  });

  it('keeps a publish larger than the bus limit on its own instance, and counts it', async () => {
    const hub = createLocalBusHub();
    const [s1, s2] = await Promise.all([serve({ bus: hub.bus({ limits: { maxBusMessageBytes: 1_000 } }) }), serve({ bus: hub.bus() })]);
    const [a, b] = await Promise.all([client(s1), client(s2)]);
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    await eventually(() => s1.stats().subscriptions === 1 && s2.stats().subscriptions === 1);
    const big = 'z'.repeat(2_000);
    a.send({ type: 'publish', topic: 'room', data: big });
    a.send({ type: 'publish', topic: 'room', data: 'small' });
    await b.next((m) => m.data === 'small');
    expect([got(a, big), got(b, big)]).toEqual([1, 0]);
    expect(s1.stats().bus.droppedOversized).toBe(1);
  });

  it('a lone server shares nothing: its default bus is its own', async () => {
    const [s1, s2] = await Promise.all([serve({}), serve({})]);
    const [a, b] = await Promise.all([client(s1), client(s2)]);
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room'] });
    await eventually(() => s1.stats().subscriptions === 1 && s2.stats().subscriptions === 1);
    a.send({ type: 'publish', topic: 'room', data: 'alone' });
    await a.next((m) => m.data === 'alone');
    await sleep(100);
    expect(got(b, 'alone')).toBe(0);
    expect(s1.stats().bus.sent).toBe(0);
  });

  it('charges a remote publisher to the receiving instance per remote connection, like a local one', async () => {
    const hub = createLocalBusHub();
    // s2 lets each connection make it send 2 KiB at most (1 KiB/s, 2 s of burst).
    const s1 = await serve({ bus: hub.bus() });
    const s2 = await serve({ bus: hub.bus(), limits: { outBytesPerSecond: 1024, outBurstSeconds: 2 } });
    const [loud, quiet, listener] = await Promise.all([client(s1), client(s1), client(s2)]);
    for (const c of [loud, quiet, listener]) c.send({ type: 'subscribe', topics: ['room'] });
    await eventually(() => s1.stats().subscriptions === 2 && s2.stats().subscriptions === 1);
    const payload = 'y'.repeat(500);
    for (let i = 0; i < 10; i++) loud.send({ type: 'publish', topic: 'room', data: payload });
    await eventually(() => got(quiet, payload) === 10);
    // The loud sender's share on s2 is spent; another sender on s1 still gets through to s2.
    quiet.send({ type: 'publish', topic: 'room', data: 'my turn' });
    await listener.next((m) => m.data === 'my turn');
    expect(got(listener, payload)).toBeLessThanOrEqual(4);
    expect(s2.stats().dropped.connectionBudget).toBeGreaterThanOrEqual(6);
  });
});
