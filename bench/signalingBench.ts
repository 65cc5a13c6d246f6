// Signaling server figures on 127.0.0.1: publish-to-delivery latency and fan-out throughput for
// rooms of 2, 10 and 30 clients (30 is y-webrtc's practical mesh limit). Client and server share
// one process and two cores with everything else, so read the figures as a lower bound.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startSignalingServer, type SignalingServer } from '../electron/main/signaling/signalingServer';
import { median, percentile, report } from './benchUtil';

const roomSizes = [2, 10, 30];
const latencyRounds = 200;
const burstMessages = 1_000;
/** Roughly an encrypted, base64-encoded ICE candidate as y-webrtc publishes it. */
const payload = 'x'.repeat(400);
const timeCapMs = 15_000;

interface BenchClient {
  ws: WebSocket;
  onPublish: (seq: number, sentAt: number) => void;
}

async function connectClient(url: string): Promise<BenchClient> {
  const ws = new WebSocket(url);
  const client: BenchClient = { ws, onPublish: () => {} };
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type?: string; data?: { seq: number; at: number } };
    if (m.type === 'publish' && m.data) client.onPublish(m.data.seq, m.data.at);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}

async function withDeadline<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: over ${timeCapMs} ms`)), timeCapMs);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntil(cond: () => boolean): Promise<void> {
  for (let i = 0; i < timeCapMs / 5 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error('condition not met in time');
}

async function benchRoom(server: SignalingServer, size: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: size }, () => connectClient(server.url)));
  for (const c of clients) c.ws.send(JSON.stringify({ type: 'subscribe', topics: ['bench-room'] }));
  await waitUntil(() => server.stats().subscriptions === size);
  const publisher = clients[0]!;
  const publish = (seq: number) =>
    publisher.ws.send(JSON.stringify({ type: 'publish', topic: 'bench-room', data: { seq, at: performance.now(), payload } }));

  // Latency: one message in flight at a time; every subscriber (publisher included) must get it.
  const perReceiver: number[] = [];
  const toLast: number[] = [];
  for (let seq = 0; seq < latencyRounds; seq++) {
    await withDeadline(new Promise<void>((resolve) => {
      let got = 0;
      for (const c of clients) {
        c.onPublish = (s, at) => {
          if (s !== seq) return;
          const ms = performance.now() - at;
          perReceiver.push(ms);
          if (++got === size) {
            toLast.push(ms);
            resolve();
          }
        };
      }
      publish(seq);
    }), 'latency round');
  }

  // Throughput: a burst published back to back; counts deliveries to all subscribers.
  let delivered = 0;
  for (const c of clients) c.onPublish = () => void delivered++;
  const start = performance.now();
  for (let seq = 0; seq < burstMessages; seq++) publish(seq);
  await withDeadline(waitUntil(() => delivered === burstMessages * size), 'burst');
  const seconds = (performance.now() - start) / 1000;

  console.log(`\n  room of ${size} clients`);
  report([
    ['publish → each receiver, median', `${median(perReceiver).toFixed(2)} ms`],
    ['publish → each receiver, p95', `${percentile(perReceiver, 95).toFixed(2)} ms`],
    ['publish → last receiver, p95', `${percentile(toLast, 95).toFixed(2)} ms`],
    ['burst: messages published/s', Math.round(burstMessages / seconds)],
    ['burst: deliveries/s (fan-out)', Math.round((burstMessages * size) / seconds)],
  ]);
  await Promise.all(clients.map((c) => new Promise<void>((resolve) => {
    c.ws.once('close', () => resolve());
    c.ws.close();
  })));
  await waitUntil(() => server.stats().connections === 0);
}

async function main(): Promise<void> {
  // Limits raised so the bench measures the server, not its abuse protection.
  const server = await startSignalingServer({
    host: '127.0.0.1',
    port: 0,
    statsIntervalMs: 0,
    limits: {
      messagesPerSecond: 1_000_000,
      messageBurst: 1_000_000,
      maxBufferedBytes: 64 * 1024 * 1024,
      outBytesPerSecond: 2 ** 30,
      outBytesPerSecondPerAddress: 2 ** 30,
      outBytesPerSecondPerTopic: 2 ** 30,
    },
  });
  try {
    console.log(`Signaling fan-out on ${server.url}: ${latencyRounds} sequential publishes, then a burst of ${burstMessages}, ${payload.length}-byte payloads`);
    for (const size of roomSizes) await benchRoom(server, size);
    const s = server.stats();
    console.log(`\n  server counters: ${s.messagesIn} in, ${s.messagesOut} out, ${s.dropped.rateLimited + s.dropped.backpressure + s.dropped.malformed} dropped`);
  } finally {
    await server.close();
  }
}

await main();
