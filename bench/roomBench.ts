// Room benchmarks with real WebRTC in Chromium (run inside a loopback-only namespace by
// `npm run bench`): edit-to-visible latency between two peers beside the raw round trip of a
// data channel on the same connection (the floor); time to converge and JS heap per peer for
// 2, 10 and 20 peers; and the edit latency through a TURN relay (coturn on 127.0.0.1).
// Prints figures only. Targets: p95 edit-to-visible <= 2 x floor + 16 ms; 20 peers converge
// within 2 s of the last edit.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSignalingServer } from '../electron/main/signaling/signalingServer';
import { createRoomSecret, defaultIceSettings, type IceSettings } from '../shared/room';
import { startTurnServer, turnServerUnavailable } from '../test/support/turnServer';
import { median, percentile, report } from './benchUtil';

type BenchApi = {
  open(w: string, s: string, sig: string[], ice: IceSettings): Promise<void>;
  connected(): number;
  links(): string[];
  linkStates(): string[];
  rawChannels(): number;
  rawPing(n: number): Promise<number[]>;
  addCard(text: string): { id: string; at: number };
  edit(id: string, text: string): number;
  seenAt(text: string): number | null;
  cardCount(): number;
};
const api = (page: Page) => ({
  call: <R>(fn: (b: BenchApi, arg: never) => R | Promise<R>, arg?: unknown): Promise<R> =>
    page.evaluate(({ src, a }) => new Function('b', 'a', `return (${src})(b, a)`)((globalThis as unknown as { roomBench: BenchApi }).roomBench, a) as R, { src: fn.toString(), a: arg }),
});

async function servePage(): Promise<{ url: string; close(): void }> {
  const js = (await build({ entryPoints: [fileURLToPath(new URL('./roomBenchPage.ts', import.meta.url))], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' })).outputFiles[0]?.text ?? '';
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(js);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>room bench</title><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

interface Room {
  readonly workshopId: string;
  readonly secret: string;
  readonly signaling: string[];
}

/** A room whose mesh did not come up: reported with what it reached, never a crash. */
class MeshIncomplete extends Error {}
const MESH_TIMEOUT_MS = process.env.BENCH_DEBUG ? 30_000 : 120_000;

async function openPeers(browser: Browser, url: string, count: number, room: Room, ice: IceSettings): Promise<Page[]> {
  // Opened one after another: twenty at once overwhelm two cores.
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    // One context per peer: pages of one context would meet over BroadcastChannel instead.
    const page = await (await browser.newContext()).newPage();
    if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log(`[page] ${m.text()}`));
    if (process.env.BENCH_DEBUG) page.on('pageerror', (e) => console.log(`[page] ${e.message}`));
    pages.push(page);
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => 'roomBench' in globalThis, undefined, { timeout: 120_000 });
  }
  // People join a room one after another, not in the same millisecond.
  for (const p of pages) {
    await api(p).call((b, a: [string, string, string[], IceSettings]) => b.open(...a), [room.workshopId, room.secret, room.signaling, ice]);
    await new Promise((r) => setTimeout(r, 100));
  }
  const deadline = Date.now() + MESH_TIMEOUT_MS;
  for (const p of pages) {
    while ((await api(p).call((b) => b.connected())) < count - 1) {
      if (Date.now() > deadline) {
        const counts = await Promise.all(pages.map((q) => api(q).call((b) => b.connected())));
        const stuck = await Promise.all(pages.filter((_q, i) => (counts[i] ?? 0) < count - 1).map((q) => api(q).call((b) => b.linkStates().filter((l) => !l.startsWith('up')))));
        await closePeers(pages);
        throw new MeshIncomplete(`the mesh of ${count} did not complete in ${(MESH_TIMEOUT_MS / 1000).toFixed(0)} s: links per peer ${counts.join(' ')} (of ${count - 1}); links not up: ${stuck.map((s) => s.join(',') || 'none started').join(' | ')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return pages;
}

async function closePeers(pages: Page[]): Promise<void> {
  await Promise.all(pages.map((p) => p.context().close()));
}

async function waitSeen(page: Page, text: string): Promise<number> {
  const handle = await page.waitForFunction((t) => (globalThis as unknown as { roomBench: BenchApi }).roomBench.seenAt(t), text, { timeout: 10_000, polling: 5 });
  return (await handle.jsonValue()) as number;
}

/** Edit-to-visible latency A to B and the raw data-channel round trip on the same connection. */
async function editLatency(browser: Browser, url: string, room: Room, ice: IceSettings, edits: number) {
  const [a, b] = await openPeers(browser, url, 2, room, ice);
  if (!a || !b) throw new Error('two peers expected');
  // Wait until the stats say how the pair is connected.
  let link = 'connecting';
  for (let i = 0; i < 50 && link === 'connecting'; i++) {
    link = (await api(a).call((x) => x.links()))[0] ?? 'connecting';
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all([api(a).call((x) => x.rawChannels()), api(b).call((x) => x.rawChannels())]);
  const raw = await api(a).call((x, n: number) => x.rawPing(n), edits);
  const { id } = await api(a).call((x) => x.addCard('seed'));
  await waitSeen(b, 'seed');
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const text = `edit ${i}`;
    const at = await api(a).call((x, arg: [string, string]) => x.edit(...arg), [id, text]);
    latencies.push((await waitSeen(b, text)) - at);
    await new Promise((r) => setTimeout(r, 15));
  }
  await closePeers([a, b]);
  return { link, raw, latencies };
}

async function convergence(browser: Browser, url: string, room: Room, count: number) {
  const started = Date.now();
  const pages = await openPeers(browser, url, count, room, defaultIceSettings);
  const connectMs = Date.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  const edits = await Promise.all(pages.map((p, i) => api(p).call((x, t: string) => x.addCard(t), `peer ${i}`)));
  const lastEdit = Math.max(...edits.map((e) => e.at));
  let converged = 0;
  for (const p of pages) {
    for (let i = 0; i < count; i++) converged = Math.max(converged, await waitSeen(p, `peer ${i}`));
  }
  const heaps: number[] = [];
  for (const p of pages) {
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    heaps.push(metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN);
  }
  await closePeers(pages);
  return { connectMs, convergeMs: converged - lastEdit, heapMb: median(heaps) / 1024 / 1024 };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const newRoom = (signaling: string): Room => ({ workshopId: `bench-${Math.random().toString(36).slice(2)}`, secret: createRoomSecret(), signaling: [signaling] });

const signaling = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0 });
const page = await servePage();
const browser = await chromium
  .launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--allow-loopback-in-peer-connection', '--use-fake-ui-for-media-stream'],
  })
  .catch((e: unknown) => {
    console.log(`room benchmark could not start Chromium: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    page.close();
    return signaling.close().then(() => process.exit(0));
  });
/** Runs one part of the benchmark; a part that cannot finish says so, and the others still run. */
async function part(name: string, fn: () => Promise<void>): Promise<void> {
  if (only.length > 0 && !only.includes(name)) return;
  try {
    await fn();
  } catch (e) {
    console.log(`  (${name}: ${e instanceof MeshIncomplete ? '' : 'stopped: '}${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}
/** ROOM_BENCH_ONLY=convergence ROOM_BENCH_PEERS=20: one part, some room sizes. */
const only = (process.env.ROOM_BENCH_ONLY ?? '').split(',').filter(Boolean);
const peerCounts = (process.env.ROOM_BENCH_PEERS ?? '2,10,20').split(',').map(Number).filter((n) => n >= 2);

try {
  await part('latency', async () => {
    const direct = await editLatency(browser, page.url, newRoom(signaling.url), defaultIceSettings, 100);
    const floor = median(direct.raw);
    console.log(`Edit to visible, two peers (${direct.link}), 100 single-field edits; visible = applied + next frame`);
    report([
      ['raw data-channel round trip (floor), median / p95', `${fmt(floor)} / ${fmt(percentile(direct.raw, 95))}`],
      ['edit to visible, median', fmt(median(direct.latencies))],
      ['edit to visible, p95', fmt(percentile(direct.latencies, 95))],
      ['target: p95 <= 2 x floor + 16 ms', fmt(2 * floor + 16)],
    ]);
  });

  await part('convergence', async () => {
    console.log('\nConvergence: every peer adds a card at once; time from the last edit until every peer shows every card');
    for (const count of peerCounts) {
      await part('convergence', async () => {
        const r = await convergence(browser, page.url, newRoom(signaling.url), count);
        report([[`${count} peers: mesh up / converged / JS heap per peer (median)`, `${(r.connectMs / 1000).toFixed(1)} s / ${fmt(r.convergeMs)} / ${r.heapMb.toFixed(1)} MB`]]);
      });
    }
  });

  await part('turn', async () => {
    const noTurn = turnServerUnavailable();
    if (noTurn) return console.log(`\nTURN relay: skipped (${noTurn})`);
    const turn = await startTurnServer();
    try {
      const ice: IceSettings = { urls: [...turn.urls], username: turn.username, credential: turn.credential, relayOnly: true };
      const relayed = await editLatency(browser, page.url, newRoom(signaling.url), ice, 50);
      const relayFloor = median(relayed.raw);
      console.log(`\nEdit to visible through the TURN relay (coturn on 127.0.0.1, relay-only, link: ${relayed.link}), 50 edits`);
      report([
        ['raw round trip through the relay (floor), median', fmt(relayFloor)],
        ['edit to visible, median / p95', `${fmt(median(relayed.latencies))} / ${fmt(percentile(relayed.latencies, 95))}`],
        ['target: p95 <= 2 x floor + 16 ms', fmt(2 * relayFloor + 16)],
      ]);
    } finally {
      await turn.stop();
    }
  });
  const { dropped, refused } = signaling.stats();
  const lost = Object.entries({ ...dropped, ...refused }).filter(([, n]) => n > 0);
  if (lost.length) console.log(`\nThe signaling server dropped or refused: ${lost.map(([k, n]) => `${k} ${n}`).join(', ')}`);
} finally {
  await browser.close();
  page.close();
  await signaling.close();
}
