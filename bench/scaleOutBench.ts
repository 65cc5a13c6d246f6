// Signaling scale-out: fan-out deliveries per second with 1, 2 and 4 `bridgeboard signal`
// instances sharing rooms through one Redis (`--redis`), each in its own process. Rooms of 30
// clients are spread evenly over the instances, so most deliveries cross Redis; each room's
// publisher sits on a different instance. Also the publish-to-every-receiver latency of one
// publish at a time, and each instance's CPU. Without redis-server it says so and measures the
// single instance alone. All processes share this machine's cores with the clients: read
// the figures as what this machine does, not as how far more machines would go.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { median, percentile, report } from './benchUtil';
import { startRedisServer } from './redisServerProcess';
import { sampleProcess, spawnSignalServer, type ServerProcess } from './signalServerProcess';

const rooms = 10;
const roomSize = 30;
const burstPerRoom = 200;
const latencyRounds = 100;
const payload = 'x'.repeat(400);
const timeCapMs = 30_000;
// The bench measures the servers, not their abuse protection.
const raisedLimits = [
  '--messages-per-second', '1000000', '--message-burst', '1000000',
  '--out-bytes-per-second', '1073741824', '--out-bytes-per-second-per-address', '1073741824', '--out-bytes-per-second-per-topic', '1073741824',
  '--max-connections-per-address', '1000', '--max-subscribers-per-topic-per-address', '1000',
];

interface Client {
  readonly ws: WebSocket;
  onPublish: (room: number, seq: number, at: number) => void;
}

async function connectClient(url: string): Promise<Client> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const client: Client = { ws, onPublish: () => {} };
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type?: string; data?: { room: number; seq: number; at: number } };
    if (m.type === 'publish' && m.data) client.onPublish(m.data.room, m.data.seq, m.data.at);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}

async function waitUntil(cond: () => boolean, capMs = timeCapMs): Promise<boolean> {
  const until = performance.now() + capMs;
  while (!cond()) {
    if (performance.now() > until) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

interface Figures {
  readonly deliveriesPerSecond: number | string;
  readonly latencyMedian: string;
  readonly latencyP95: string;
  readonly cpu: string;
  readonly otherCpu: string;
}

async function measure(instances: readonly ServerProcess[], redisPid: number | undefined): Promise<Figures> {
  const clients: Client[][] = [];
  for (let r = 0; r < rooms; r++) {
    // Client i of room r on instance (r + i) mod N: the publisher (i = 0) of each room on a
    // different instance, everyone else spread evenly.
    const room = await Promise.all(Array.from({ length: roomSize }, (_, i) => connectClient(instances[(r + i) % instances.length]!.url)));
    for (const c of room) c.ws.send(JSON.stringify({ type: 'subscribe', topics: [`bench-room-${r}`] }));
    clients.push(room);
  }
  const all = clients.flat();
  const publish = (r: number, seq: number) =>
    clients[r]![0]!.ws.send(JSON.stringify({ type: 'publish', topic: `bench-room-${r}`, data: { room: r, seq, at: performance.now(), payload } }));

  // Subscriptions reach Redis asynchronously: publish until every client has heard its room.
  const heard = new Set<Client>();
  for (const [r, room] of clients.entries()) for (const c of room) c.onPublish = (room2) => void (room2 === r && heard.add(c));
  const warm = setInterval(() => {
    for (let r = 0; r < rooms; r++) publish(r, -1);
  }, 50);
  const warmed = await waitUntil(() => heard.size === all.length, 15_000);
  clearInterval(warm);
  if (!warmed) throw new Error(`only ${heard.size} of ${all.length} clients heard their room within 15 s`);
  await new Promise((r) => setTimeout(r, 200));

  // Latency: one publish at a time in room 0; every one of its 30 clients must get it.
  const perReceiver: number[] = [];
  for (let seq = 0; seq < latencyRounds; seq++) {
    let got = 0;
    for (const c of clients[0]!) c.onPublish = (_r, s, at) => {
      if (s !== seq) return;
      perReceiver.push(performance.now() - at);
      got++;
    };
    publish(0, seq);
    if (!(await waitUntil(() => got === roomSize, 5_000))) throw new Error('a latency round did not complete in 5 s');
  }

  // Throughput: every room's publisher sends a burst at once; count deliveries to everyone.
  let delivered = 0;
  for (const c of all) c.onPublish = (_r, s) => void (s >= 0 && delivered++);
  const samplers = instances.map((s) => sampleProcess(s.pid));
  const others = [sampleProcess(process.pid), ...(redisPid ? [sampleProcess(redisPid)] : [])];
  const start = performance.now();
  for (let seq = 0; seq < burstPerRoom; seq++) for (let r = 0; r < rooms; r++) publish(r, seq);
  const expected = rooms * burstPerRoom * roomSize;
  const done = await waitUntil(() => delivered === expected);
  const seconds = (performance.now() - start) / 1000;
  const percent = (p: number | undefined) => (p === undefined ? '?' : `${Math.round(p)} %`);
  const cpu = samplers.map((s) => percent(s.stop().cpuPercent)).join(', ');
  const [clientsCpu, redisCpu] = others.map((s) => percent(s.stop().cpuPercent));
  await Promise.all(all.map((c) => new Promise<void>((resolve) => {
    c.ws.once('close', () => resolve());
    c.ws.close();
  })));
  return {
    deliveriesPerSecond: done ? Math.round(expected / seconds) : `${delivered} of ${expected} in ${timeCapMs / 1000} s (${Math.round(delivered / seconds)}/s)`,
    latencyMedian: `${median(perReceiver).toFixed(2)} ms`,
    latencyP95: `${percentile(perReceiver, 95).toFixed(2)} ms`,
    cpu,
    otherCpu: `${clientsCpu}${redisCpu ? `, Redis ${redisCpu}` : ''}`,
  };
}

async function run(count: number, redisUrl: string | undefined, redisPid?: number): Promise<void> {
  const extra = redisUrl ? ['--redis', redisUrl, '--redis-prefix', `bench${count}:`] : [];
  const instances: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i++) instances.push(await spawnSignalServer([...raisedLimits, ...extra]));
    const f = await measure(instances, redisPid);
    console.log(`\n  ${count} instance${count > 1 ? 's' : ''}${redisUrl ? ' sharing one Redis' : ', no Redis'}`);
    report([
      ['burst: deliveries/s (fan-out)', f.deliveriesPerSecond],
      ['publish → each receiver, median', f.latencyMedian],
      ['publish → each receiver, p95', f.latencyP95],
      ['instance CPU during the burst', f.cpu],
      ['benchmark clients (, Redis) CPU', f.otherCpu],
    ]);
  } catch (e) {
    console.log(`\n  ${count} instance(s): could not finish: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    const finals = await Promise.all(instances.map((s) => s.stop()));
    const sum = (key: string) => finals.reduce((n, f) => n + (f[key] ?? 0), 0);
    const dropped = Object.keys(finals[0] ?? {}).filter((k) => k.startsWith('dropped.') || k.startsWith('bus.dropped')).reduce((n, k) => n + sum(k), 0);
    if (redisUrl) console.log(`  bus: ${sum('bus.sent')} sent, ${sum('bus.received')} received, ${sum('bus.reconnects')} reconnects; ${dropped} dropped in all`);
  }
}

console.log(`Signaling scale-out: ${rooms} rooms of ${roomSize} clients spread over the instances, a burst of ${burstPerRoom} publishes per room (${payload.length}-byte payloads), then ${latencyRounds} single publishes in one room`);
console.log(`  ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) at the start`);
const redis = await startRedisServer();
if ('missing' in redis) {
  console.log(`  ${redis.missing}: only the single instance is measured.`);
  await run(1, undefined);
} else {
  try {
    await run(1, undefined);
    for (const count of process.env.SCALE_OUT_INSTANCES ? [Number(process.env.SCALE_OUT_INSTANCES)] : [1, 2, 4]) await run(count, redis.url, redis.pid);
  } finally {
    await redis.stop();
  }
}
