// Amplification: a publish costs its frame size times its receivers, and is dropped for its
// sender once the sender's connection, address or topic has spent its outgoing-byte budget.
// The clock is injected, so budgets refill only when a test says so.
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import type { SignalingLimits } from '../../../electron/main/signaling/signalingLimits';
import { connect, eventually, pairRoundTrip, sleep, type TestClient } from './wsClient';

const attacker = '127.0.0.2';
const bystander = '127.0.0.3';
const servers: SignalingServer[] = [];
const clients: TestClient[] = [];
let t = 0;

async function start(limits: Partial<SignalingLimits>): Promise<SignalingServer> {
  t = 0;
  const server = await startSignalingServer({
    host: '127.0.0.1',
    port: 0,
    statsIntervalMs: 0,
    now: () => t,
    // Budgets are what is measured here, not the message rate.
    limits: { messagesPerSecond: 1_000, messageBurst: 1_000, outBurstSeconds: 1, ...limits },
  });
  servers.push(server);
  return server;
}
async function client(server: SignalingServer, localAddress: string): Promise<TestClient> {
  const c = await connect(server.url, { localAddress });
  clients.push(c);
  return c;
}
async function subscribers(server: SignalingServer, count: number, localAddress: string, topic: string): Promise<TestClient[]> {
  const list = await Promise.all(Array.from({ length: count }, () => client(server, localAddress)));
  for (const c of list) c.send({ type: 'subscribe', topics: [topic] });
  return list;
}
/** Publishes `count` messages of about 560 bytes, then waits until the server has handled them. */
async function publish(publisher: TestClient, topic: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) publisher.send({ type: 'publish', topic, data: 'x'.repeat(500) });
  const pongs = publisher.received.length;
  publisher.send({ type: 'ping' });
  await eventually(() => publisher.received.length > pongs);
}
const publishes = (c: TestClient) => c.received.filter((m) => (m as { type?: unknown }).type === 'publish').length;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('outgoing-byte budgets', () => {
  it('per connection: a publisher with many subscribers is not amplified past its budget', async () => {
    // One publish to 10 receivers costs about 5,600 bytes; the budget is 10,000 a second.
    const server = await start({ outBytesPerSecond: 10_000, outBytesPerSecondPerAddress: 1_000_000, outBytesPerSecondPerTopic: 1_000_000 });
    const audience = await subscribers(server, 10, attacker, 'amp');
    await eventually(() => server.stats().subscriptions === 10);
    const publisher = await client(server, attacker);

    await publish(publisher, 'amp', 20);
    expect(server.stats().published).toBe(1);
    expect(server.stats().dropped.connectionBudget).toBe(19);
    const { bytesIn, bytesOut } = server.stats();
    expect(bytesOut).toBeLessThan(10_000);
    expect(bytesOut).toBeLessThan(bytesIn);

    t += 1_000; // a second's budget
    await publish(publisher, 'amp', 2);
    expect(server.stats().published).toBe(2);
    await eventually(() => audience.every((c) => publishes(c) === 2));
    // Dropping is not closing: the publisher stays connected.
    expect(publisher.ws.readyState).toBe(publisher.ws.OPEN);

    await pairRoundTrip(server.url, bystander, 'calm-room');
  });

  it('per address: many publishing connections from one address share one budget', async () => {
    const server = await start({ outBytesPerSecond: 10_000, outBytesPerSecondPerAddress: 15_000, outBytesPerSecondPerTopic: 1_000_000 });
    await subscribers(server, 10, '127.0.0.4', 'amp');
    await eventually(() => server.stats().subscriptions === 10);
    const publishers = await Promise.all(Array.from({ length: 5 }, () => client(server, attacker)));
    for (const p of publishers) await publish(p, 'amp', 1);
    expect(server.stats().published).toBe(2);
    expect(server.stats().dropped.addressBudget).toBe(3);

    const elsewhere = await client(server, bystander);
    await publish(elsewhere, 'amp', 1);
    expect(server.stats().published).toBe(3);
  });

  it('per topic: publishers from many addresses share the topic\'s budget; other topics are untouched', async () => {
    const server = await start({ outBytesPerSecond: 1_000_000, outBytesPerSecondPerAddress: 1_000_000, outBytesPerSecondPerTopic: 15_000 });
    await subscribers(server, 10, attacker, 'amp');
    await subscribers(server, 10, attacker, 'other');
    await eventually(() => server.stats().subscriptions === 20);
    const publishers = [await client(server, '127.0.0.4'), await client(server, '127.0.0.5'), await client(server, '127.0.0.6')];
    for (const p of publishers) await publish(p, 'amp', 1);
    expect(server.stats().published).toBe(2);
    expect(server.stats().dropped.topicBudget).toBe(1);
    await publish(publishers[2]!, 'other', 1);
    expect(server.stats().published).toBe(3);
    await sleep(20);
    expect(server.stats().dropped.connectionBudget + server.stats().dropped.addressBudget).toBe(0);
  });
});
