// Topic limits over real sockets: one address cannot fill the topic table or a room's subscriber
// slots, a refused subscribe is counted, logged and told to the client, and a room on another
// address still finds its peer.
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer, type SignalingServerOptions } from '../../../electron/main/signaling/signalingServer';
import { jsonLineLogger } from '../../../electron/main/signaling/signalingLog';
import { connect, eventually, pairRoundTrip, sleep, type TestClient } from './wsClient';

const attacker = '127.0.0.2';
const bystander = '127.0.0.3';
const servers: SignalingServer[] = [];
const clients: TestClient[] = [];

async function start(options: SignalingServerOptions): Promise<SignalingServer> {
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, ...options });
  servers.push(server);
  return server;
}
async function client(server: SignalingServer, localAddress: string): Promise<TestClient> {
  const c = await connect(server.url, { localAddress });
  clients.push(c);
  return c;
}
/** Sends a ping and waits for its pong: everything sent before has been handled. */
async function settled(c: TestClient): Promise<void> {
  const before = c.received.filter((m) => (m as { type?: unknown }).type === 'pong').length;
  c.send({ type: 'ping' });
  await eventually(() => c.received.filter((m) => (m as { type?: unknown }).type === 'pong').length > before);
}
const refusals = (c: TestClient) => c.received.filter((m) => (m as { type?: unknown }).type === 'subscribe-refused');

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('topic table fill from one address', () => {
  it('stops at the address\'s share; a new room elsewhere still finds its peer', async () => {
    // Unlimited per address, 6 connections x 3 topics would fill this 12-topic table.
    const server = await start({ limits: { maxTopics: 12, maxTopicsPerConnection: 3, maxTopicsPerAddress: 5 } });
    const flood = await Promise.all(Array.from({ length: 6 }, () => client(server, attacker)));
    for (const [i, c] of flood.entries()) {
      c.send({ type: 'subscribe', topics: [`fill-${i}-a`, `fill-${i}-b`, `fill-${i}-c`] });
      await settled(c);
    }
    expect(server.stats().topics).toBe(5);
    expect(server.stats().dropped.addressTopics).toBe(13);
    // Every refused topic was told to the connection that asked for it.
    const told = flood.flatMap((c) => refusals(c).flatMap((m) => (m as { topics: string[] }).topics));
    expect(told).toHaveLength(13);
    expect(refusals(flood[5]!)).toEqual([{ type: 'subscribe-refused', reason: 'addressTopics', topics: ['fill-5-a', 'fill-5-b', 'fill-5-c'] }]);
    // Its connections may still join topics the address already holds.
    flood[5]!.send({ type: 'subscribe', topics: ['fill-0-a'] });
    await settled(flood[5]!);
    expect(server.stats().subscriptions).toBe(6);

    await pairRoundTrip(server.url, bystander, 'new-room');
  });

  it('when many addresses did fill the table, says so: counted, logged (throttled, counts only) and told', async () => {
    const lines: string[] = [];
    const server = await start({ limits: { maxTopics: 4, maxTopicsPerAddress: 2 }, log: jsonLineLogger((l) => lines.push(l)) });
    for (const address of ['127.0.0.4', '127.0.0.5']) {
      const c = await client(server, address);
      c.send({ type: 'subscribe', topics: [`${address}-x`, `${address}-y`] });
      await settled(c);
    }
    const newcomer = await client(server, bystander);
    newcomer.send({ type: 'subscribe', topics: ['secret-room-1'] });
    newcomer.send({ type: 'subscribe', topics: ['secret-room-2'] });
    await settled(newcomer);
    expect(refusals(newcomer)).toEqual([
      { type: 'subscribe-refused', reason: 'topicTable', topics: ['secret-room-1'] },
      { type: 'subscribe-refused', reason: 'topicTable', topics: ['secret-room-2'] },
    ]);
    expect(server.stats().dropped.topicTable).toBe(2);
    const warnings = lines.filter((l) => l.includes('signaling.subscribeRefused.topicTable'));
    expect(warnings).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/secret|127\.0\.0/);
  });
});

describe('subscribers per topic', () => {
  it('caps one address\'s subscribers of a topic, and the topic as a whole', async () => {
    const server = await start({ limits: { maxSubscribersPerTopic: 5, maxSubscribersPerTopicPerAddress: 3 } });
    const flood = await Promise.all(Array.from({ length: 5 }, () => client(server, attacker)));
    for (const c of flood) {
      c.send({ type: 'subscribe', topics: ['room'] });
      await settled(c);
    }
    expect(server.stats().subscriptions).toBe(3);
    expect(server.stats().dropped.addressSubscribers).toBe(2);
    expect(flood.flatMap(refusals)).toEqual(Array(2).fill({ type: 'subscribe-refused', reason: 'addressSubscribers', topics: ['room'] }));

    const others = [await client(server, '127.0.0.4'), await client(server, '127.0.0.5'), await client(server, '127.0.0.6')];
    for (const c of others) {
      c.send({ type: 'subscribe', topics: ['room'] });
      await settled(c);
    }
    expect(server.stats().subscriptions).toBe(5);
    expect(refusals(others[2]!)).toEqual([{ type: 'subscribe-refused', reason: 'topicSubscribers', topics: ['room'] }]);

    // A leaving subscriber frees its slot for its address.
    await flood[0]!.close();
    await eventually(() => server.stats().subscriptions === 4);
    flood[3]!.send({ type: 'subscribe', topics: ['room'] });
    await settled(flood[3]!);
    expect(server.stats().subscriptions).toBe(5);
    await sleep(10);
    expect(refusals(flood[3]!)).toHaveLength(1); // only the first refusal
  });
});
