// Several signaling instances sharing rooms through one real Redis (started here on a free
// port): publishes cross instances once each, stock y-webrtc peers on different instances find
// each other and converge, a wrong room secret stays out, every instance keeps its own limits,
// and an instance whose Redis goes away keeps serving its own clients and shares again after.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import { busLimitsFor, type BusLimits } from '../../../electron/main/signaling/signalingBus';
import { channelFor, createRedisBus } from '../../../electron/main/signaling/redisBus';
import type { SignalingLimits } from '../../../electron/main/signaling/signalingLimits';
import type { SignalingLogger } from '../../../electron/main/signaling/signalingLog';
import { resolveSignalingLimits } from '../../../electron/main/signaling/signalingLimits';
import { redisMissing, startRedis, type RedisProcess } from './redisProcess';
import { startPeer, type ScriptedPeer } from './scriptedPeer';
import { connect, eventually, sleep, type TestClient } from './wsClient';

const prefix = 'test:';
let redis: RedisProcess;
let admin: Redis;
const cleanup: (() => Promise<void> | void)[] = [];

async function instance(limits: Partial<SignalingLimits> = {}, events: string[] = [], busLimits: Partial<BusLimits> = {}, channelPrefix = prefix): Promise<SignalingServer> {
  const resolved = resolveSignalingLimits(limits);
  const log: SignalingLogger = { info: (e) => events.push(e), warn: (e) => events.push(e) };
  const bus = await createRedisBus({ url: redis.url, prefix: channelPrefix, limits: busLimitsFor(resolved.maxMessageBytes, resolved.maxTopicLength, busLimits), maxTopicLength: resolved.maxTopicLength, log, maxRetryDelayMs: 200 });
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, limits, bus, log });
  cleanup.push(() => server.close());
  return server;
}

async function client(server: SignalingServer): Promise<TestClient> {
  const c = await connect(server.url);
  cleanup.push(() => c.close());
  return c;
}

/** Instances listening on a topic, as Redis counts them. */
async function listeners(topic: string): Promise<number> {
  const reply = (await admin.call('PUBSUB', 'NUMSUB', channelFor(prefix, topic))) as [string, number];
  return Number(reply[1]);
}

async function publishCalls(): Promise<number> {
  const info = await admin.info('commandstats');
  return Number(/cmdstat_publish:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

const publishesOf = (c: TestClient, data: string) => c.received.filter((m) => (m as { data?: unknown }).data === data).length;

describe.skipIf(redisMissing !== undefined)(`signaling instances sharing rooms through Redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, { timeout: 120_000 }, () => {
  beforeAll(async () => {
    (globalThis as Record<string, unknown>).WebSocket ??= WebSocket;
    redis = await startRedis();
    admin = new Redis(redis.url);
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });

  it('a publish on one instance reaches the subscribers on the other two once each, with one PUBLISH to Redis', async () => {
    const [s1, s2, s3] = await Promise.all([instance(), instance(), instance()]);
    const [a, b, c, other] = await Promise.all([client(s1), client(s2), client(s3), client(s2)]);
    for (const x of [a, b, c]) x.send({ type: 'subscribe', topics: ['room-1'] });
    other.send({ type: 'subscribe', topics: ['room-2'] });
    await eventually(() => s1.stats().subscriptions + s2.stats().subscriptions + s3.stats().subscriptions === 4);
    for (let i = 0; i < 50 && (await listeners('room-1')) < 3; i++) await sleep(20);
    expect(await listeners('room-1')).toBe(3);

    const before = await publishCalls();
    a.send({ type: 'publish', topic: 'room-1', data: 'hello' });
    await b.next((m) => m.data === 'hello');
    await c.next((m) => m.data === 'hello');
    await sleep(300);
    expect([publishesOf(a, 'hello'), publishesOf(b, 'hello'), publishesOf(c, 'hello'), publishesOf(other, 'hello')]).toEqual([1, 1, 1, 0]);
    // Forwarded once, not once per instance or per subscriber, and never forwarded again.
    expect((await publishCalls()) - before).toBe(1);
    expect(s1.stats().bus.sent).toBe(1);
    expect(s2.stats().bus.received + s3.stats().bus.received).toBe(2);

    // The last subscriber leaving an instance stops its subscription on Redis.
    await c.close();
    for (let i = 0; i < 50 && (await listeners('room-1')) > 2; i++) await sleep(20);
    expect(await listeners('room-1')).toBe(2);
  });

  it('deployments with different prefixes on one Redis never hear each other', async () => {
    const [s1, s2, other] = await Promise.all([instance(), instance(), instance({}, [], {}, 'other-deployment:')]);
    const [a, b, c] = await Promise.all([client(s1), client(s2), client(other)]);
    for (const x of [a, b, c]) x.send({ type: 'subscribe', topics: ['same-topic'] });
    for (let i = 0; i < 50 && (await listeners('same-topic')) < 2; i++) await sleep(20);
    a.send({ type: 'publish', topic: 'same-topic', data: 'plant A only' });
    await b.next((m) => m.data === 'plant A only');
    await sleep(300);
    expect(publishesOf(c, 'plant A only')).toBe(0);
    expect(other.stats().bus.received).toBe(0);
  });

  it('stock y-webrtc peers signalling through three different instances find each other and converge', async () => {
    const servers = await Promise.all([instance(), instance(), instance()]);
    const peers: ScriptedPeer[] = [];
    try {
      for (const s of servers) peers.push(await startPeer({ room: 'sync-across', password: 'right secret', signaling: [s.url] }));
      peers.forEach((p, i) => p.type(`from ${i};`));
      for (const p of peers) await p.waitFor((s) => ['from 0;', 'from 1;', 'from 2;'].every((t) => s.text.includes(t)));
      // Each reached both others directly: the signaling between them crossed instances.
      for (const p of peers) await p.waitFor((s) => s.peers === 2);
      const texts = peers.map((p) => p.state().text);
      expect(new Set(texts).size).toBe(1);
      expect(servers.every((s) => s.stats().bus.received > 0)).toBe(true);
    } finally {
      for (const p of peers) p.kill();
    }
  });

  it('a wrong room secret stays isolated across instances', async () => {
    const [s1, s2, s3] = await Promise.all([instance(), instance(), instance()]);
    const peers: ScriptedPeer[] = [];
    try {
      const alice = await startPeer({ room: 'secret-room', password: 'right secret', signaling: [s1.url] });
      const mallory = await startPeer({ room: 'secret-room', password: 'wrong secret', signaling: [s2.url] });
      const carol = await startPeer({ room: 'secret-room', password: 'right secret', signaling: [s3.url] });
      peers.push(alice, mallory, carol);
      alice.type('alice;');
      mallory.type('mallory;');
      carol.type('carol;');
      await alice.waitFor((s) => s.text.includes('carol;'));
      await carol.waitFor((s) => s.text.includes('alice;'));
      // Mallory's announces did cross to the others' instances (same topic), and the others
      // could not open them; Mallory could not open theirs.
      await mallory.waitFor((s) => s.undecryptable > 0);
      await eventually(() => alice.state().undecryptable + carol.state().undecryptable > 0, 10_000);
      await sleep(1_000);
      expect(mallory.state().peers).toBe(0);
      expect(mallory.state().text).toBe('mallory;');
      expect(alice.state().text).not.toContain('mallory;');
      expect(carol.state().text).not.toContain('mallory;');
      expect(s2.stats().bus.sent).toBeGreaterThan(0);
    } finally {
      for (const p of peers) p.kill();
    }
  });

  it('each instance charges what it delivers for other instances to its own budgets', async () => {
    // s2 may send 1 KiB a second per topic; s1 the default 4 MiB.
    const s1 = await instance();
    const s2 = await instance({ outBytesPerSecondPerTopic: 1024, outBurstSeconds: 1 });
    const [sender, near, far] = await Promise.all([client(s1), client(s1), client(s2)]);
    for (const x of [sender, near, far]) x.send({ type: 'subscribe', topics: ['busy'] });
    for (let i = 0; i < 50 && (await listeners('busy')) < 2; i++) await sleep(20);
    const payload = 'x'.repeat(400);
    for (let i = 0; i < 20; i++) sender.send({ type: 'publish', topic: 'busy', data: payload, n: i });
    await eventually(() => publishesOf(near, payload) === 20, 5_000);
    await sleep(300);
    // s1's own clients got every message; s2 delivered what its topic budget allowed and counted the rest.
    expect(publishesOf(far, payload)).toBeGreaterThan(0);
    expect(publishesOf(far, payload)).toBeLessThanOrEqual(3);
    expect(s2.stats().dropped.topicBudget).toBeGreaterThanOrEqual(17);
    expect(s1.stats().dropped.topicBudget).toBe(0);
  });

  it('an instance whose Redis goes away keeps serving its own clients, says so, and shares again once Redis is back', async () => {
    const events: string[] = [];
    // s1 holds at most 5 publishes while Redis is away.
    const s1 = await instance({}, events, { maxQueuedMessages: 5 });
    const s2 = await instance();
    const [a1, a2, b] = await Promise.all([client(s1), client(s1), client(s2)]);
    for (const x of [a1, a2, b]) x.send({ type: 'subscribe', topics: ['outage'] });
    for (let i = 0; i < 50 && (await listeners('outage')) < 2; i++) await sleep(20);
    a1.send({ type: 'publish', topic: 'outage', data: 'before' });
    await b.next((m) => m.data === 'before');

    admin.disconnect();
    await redis.stop();
    await eventually(() => s1.stats().bus.up === 0 && s2.stats().bus.up === 0, 5_000);
    for (let i = 0; i < 12; i++) a1.send({ type: 'publish', topic: 'outage', data: 'during' });
    await eventually(() => publishesOf(a2, 'during') === 12);
    expect(events).toContain('signaling.bus.down');
    expect(events).toContain('signaling.bus.queueFull');
    expect(s1.stats().bus).toMatchObject({ up: 0, queued: 5, droppedQueue: 7 });

    await redis.restart();
    admin = new Redis(redis.url);
    await eventually(() => s1.stats().bus.up === 1 && s2.stats().bus.up === 1, 10_000);
    expect(events).toContain('signaling.bus.up');
    for (let i = 0; i < 100 && (await listeners('outage')) < 2; i++) await sleep(20);
    a1.send({ type: 'publish', topic: 'outage', data: 'after' });
    await b.next((m) => m.data === 'after', 5_000);
    expect(s1.stats().bus.reconnects).toBe(1);
  });
});
