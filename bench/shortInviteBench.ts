// Short invite figures: what a person reads (the short code against full invites of each kind),
// how long leaving and looking up a code takes against a signaling server on 127.0.0.1 (one
// WebSocket per request, as the app does), and what a full invite store costs the server; then
// the same with the store in Redis (`--redis`), left through one instance and looked up through
// another, if redis-server is installed.
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { createMemoryInviteStore } from '../electron/main/inviteDrop/memoryInviteStore';
import { createRedisInviteStore } from '../electron/main/inviteDrop/redisInviteStore';
import { defaultInviteDropLimits, resolveInviteDropLimits, type InviteStore } from '../electron/main/inviteDrop/inviteStore';
import { silentLogger } from '../electron/main/signaling/signalingLog';
import { startRedisServer } from './redisServerProcess';
import { startSignalingServer, type SignalingServer } from '../electron/main/signaling/signalingServer';
import { createInvite, draftShortInvite, formatInviteCode, leaveShortInvite, lookUpShortInvite, type Invite, type OpenWebSocket, type WebSocketLike } from '../shared/room';
import { median, percentile, report, timeAsync } from './benchUtil';

const rounds = 100;

const openSocket: OpenWebSocket = (url) => {
  const ws = new WebSocket(url);
  const like: WebSocketLike = { onopen: null, onmessage: null, onerror: null, onclose: null, send: (d) => ws.send(d), close: () => ws.close() };
  ws.on('open', () => like.onopen?.());
  ws.on('message', (data) => like.onmessage?.({ data: data.toString() }));
  ws.on('error', () => like.onerror?.());
  ws.on('close', () => like.onclose?.());
  return like;
};

async function main(): Promise<void> {
  const lan = createInvite({ workshopId: '0f8e2c44-5b1a-4c1e-9d2f-3a6b7c8d9e0f', signaling: ['ws://192.168.1.20:4444'] });
  const lanTls = createInvite({ workshopId: lan.workshopId, signaling: ['wss://192.168.1.20:4444'], certificate: 'AB'.repeat(32) });
  const remote = createInvite({
    workshopId: lan.workshopId,
    signaling: ['wss://signal.plant.example.com/bridgeboard'],
    certificate: 'AB'.repeat(32),
    expiresAt: Date.now() + 8 * 3600_000,
    ice: { urls: ['turns:turn.plant.example.com:5349'], username: '1767225600:workshop', credential: 'k2Vx0cQ8YbZ3JrLm4uT9sPfG1a0=', relayOnly: false },
  });
  const drafts = await Promise.all([lan, lanTls, remote].map((i) => draftShortInvite(i)));
  console.log('Characters to type or read aloud (with dashes):');
  report([
    ['short code', drafts[0]?.code.length ?? 0],
    ['full LAN invite (v1)', formatInviteCode(lan).length],
    ['full LAN invite with certificate (v3)', formatInviteCode(lanTls).length],
    ['full remote invite, certificate, TURN, expiry', formatInviteCode(remote).length],
    ['largest box the server keeps (remote invite)', drafts[2]?.box.length ?? 0],
  ]);

  const limits = resolveInviteDropLimits({ putBurst: 10_000, getBurst: 10_000, maxEntriesPerAddress: 10_000 });
  let server: SignalingServer;
  try {
    server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, invites: { limits } });
  } catch (e) {
    console.log(`  cannot start a signaling server on 127.0.0.1 (${e instanceof Error ? e.message : String(e)}): no round-trip figures`);
    return;
  }
  try {
    await roundTrips('in memory', lanTls, server.url, server.url);
  } finally {
    await server.close();
  }
  const store = createMemoryInviteStore(defaultInviteDropLimits);
  const box = drafts[2]?.box ?? '';
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let kept = 0;
  for (let i = 0; i < defaultInviteDropLimits.maxEntries; i++) {
    const id = i.toString(36).padStart(22, '0');
    const outcome = await store.put({ id, box: Buffer.from(box.slice(0, -4) + i.toString(36).padStart(4, '0')).toString(), expiresAt: Date.now() + 60_000, owner: `10.0.${i >> 5}.${i & 31}` }, Date.now());
    if (outcome.ok) kept++;
  }
  const after = process.memoryUsage().heapUsed;
  console.log('\nA full store (default limits):');
  report([
    ['boxes kept', `${kept} of ${defaultInviteDropLimits.maxEntries} tried (total length cap ${defaultInviteDropLimits.maxTotalLength / 1024 / 1024} MiB)`],
    ['heap growth', `${((after - before) / 1024 / 1024).toFixed(1)} MiB`],
  ]);
  await inRedis(lanTls, limits, box);
}

async function roundTrips(label: string, invite: Invite, putUrl: string, getUrl: string): Promise<void> {
  const leave: number[] = [];
  const look: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const draft = await draftShortInvite(invite);
    const left = await timeAsync(() => leaveShortInvite(draft, 600, [putUrl], { openSocket }));
    if (left.value.stored.length !== 1) continue;
    leave.push(left.ms);
    const found = await timeAsync(() => lookUpShortInvite(draft.code, [getUrl], Date.now(), { openSocket }));
    if (found.value.ok) look.push(found.ms);
  }
  console.log(`\nRound trips on 127.0.0.1, store ${label}, ${rounds} codes, one WebSocket per request (ms):`);
  report([
    ['leave: seal + put, median / p95', `${median(leave).toFixed(1)} / ${percentile(leave, 95).toFixed(1)} (${leave.length} stored)`],
    ['look up: derive + get + open + parse, median / p95', `${median(look).toFixed(1)} / ${percentile(look, 95).toFixed(1)} (${look.length} found)`],
  ]);
}

/** Two instances sharing the store in one Redis: round trips across them, and a full store's
 * cost in Redis memory. */
async function inRedis(invite: Invite, limits: ReturnType<typeof resolveInviteDropLimits>, box: string): Promise<void> {
  const redis = await startRedisServer();
  if ('missing' in redis) {
    console.log(`\n  ${redis.missing}: no figures for the store in Redis.`);
    return;
  }
  const stores: InviteStore[] = [];
  const servers: SignalingServer[] = [];
  const inspector = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    for (let i = 0; i < 2; i++) {
      const store = await createRedisInviteStore({ url: redis.url, prefix: 'bench:', limits, log: silentLogger });
      stores.push(store);
      servers.push(await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, invites: { limits, store } }));
    }
    const [a, b] = servers;
    if (!a || !b) return;
    await roundTrips('in Redis (left through one instance, looked up through another)', invite, a.url, b.url);

    await inspector.connect();
    await inspector.flushall();
    const memory = async () => Number(/used_memory:(\d+)/.exec(await inspector.info('memory'))?.[1] ?? 0);
    const before = await memory();
    const store = await createRedisInviteStore({ url: redis.url, prefix: 'full:', limits: defaultInviteDropLimits, log: silentLogger });
    stores.push(store);
    let kept = 0;
    const putMs: number[] = [];
    for (let i = 0; i < defaultInviteDropLimits.maxEntries; i++) {
      const id = i.toString(36).padStart(22, '0');
      const put = await timeAsync(() => store.put({ id, box: box.slice(0, -4) + i.toString(36).padStart(4, '0'), expiresAt: Date.now() + 60_000, owner: `10.0.${i >> 5}.${i & 31}` }, Date.now()));
      putMs.push(put.ms);
      if (put.value.ok) kept++;
    }
    const after = await memory();
    console.log('\nA full store in Redis (default limits):');
    report([
      ['boxes kept', `${kept} of ${defaultInviteDropLimits.maxEntries} tried`],
      ['Redis used_memory growth', `${((after - before) / 1024 / 1024).toFixed(1)} MiB`],
      ['one put (script, store filling up), median / p95 ms', `${median(putMs).toFixed(2)} / ${percentile(putMs, 95).toFixed(2)}`],
    ]);
  } finally {
    for (const s of servers) await s.close().catch(() => undefined);
    for (const s of stores) await s.close().catch(() => undefined);
    inspector.disconnect();
    await redis.stop();
  }
}

main().catch((e: unknown) => {
  console.log(`  short invite bench could not finish: ${e instanceof Error ? e.message : String(e)}`);
});
