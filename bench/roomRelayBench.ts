// Big rooms through the relay, in one run: 50, 100 and 300 participants, each a headless relay
// peer in this Node process (test/support/headlessRelayPeer.ts) except three Chromium pages
// running the app's room layer (bench/relayBenchPage.ts: y-webrtc mesh among themselves, the
// relay to everyone else), all on the real `bridgeboard signal` server in a child process.
// Prints, per size: time to join and sync, the time from the last edit of a round (10 people
// adding a card at once) until every participant holds every card (targets: under 2 s at 100,
// under 5 s at 300), the server's CPU and memory per 100 participants, and its fan-out.
// Whatever a size cannot reach (a join or a round that times out) is reported, never thrown.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { addCard, cardsMap } from '../shared/board';
import { initWorkshop } from '../shared/schema';
import { createRoomSecret } from '../shared/room';
import { deriveRelayKey } from '../shared/relay';
import { roomTopic } from '../renderer/src/features/room/roomTopic';
import { headlessPeer, type HeadlessPeer } from '../test/support/headlessRelayPeer';
import { sampleProcess, spawnSignalServer, type ServerProcess } from './signalServerProcess';
import { median, percentile, report } from './benchUtil';

const SIZES = (process.env.RELAY_BENCH_SIZES ?? '50,100,300').split(',').map(Number).filter((n) => n >= 4);
const BROWSERS = Number(process.env.RELAY_BENCH_BROWSERS ?? 3);
const ROUNDS = 5;
const EDITORS = 10;
const JOIN_TIMEOUT_MS = 180_000;
const ROUND_TIMEOUT_MS = 30_000;
// Every participant comes from 127.0.0.1 here, so the per-address limits are raised to the
// room's size; per-topic budgets are raised as docs/rooms.md advises for rooms of hundreds.
const SERVER_FLAGS = [
  '--max-connections', '4000', '--max-connections-per-address', '4000', '--max-handshakes-per-address', '1000',
  '--max-subscribers-per-topic', '1000', '--max-subscribers-per-topic-per-address', '1000',
  '--max-topics-per-address', '4000', '--max-topics', '20000',
  '--out-bytes-per-second-per-address', String(1024 * 1024 * 1024), '--out-bytes-per-second-per-topic', String(32 * 1024 * 1024),
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Participant {
  readonly name: string;
  cards(): Promise<number>;
  reachedAt(count: number): Promise<number | null>;
  synced(): Promise<boolean>;
  addCard(title: string): Promise<number>;
}

function headlessParticipant(peer: HeadlessPeer, name: string): Participant {
  const reached = new Map<number, number>();
  peer.doc.on('update', () => {
    const count = cardsMap(peer.doc).size;
    if (!reached.has(count)) reached.set(count, Date.now());
  });
  return {
    name,
    cards: async () => cardsMap(peer.doc).size,
    reachedAt: async (count) => reached.get(count) ?? null,
    synced: async () => peer.relay.synced() && peer.doc.getMap('meta').size > 0,
    async addCard(title) {
      addCard(peer.doc, { section: 'goals', fields: { title }, author: { name, side: 'IT' } }, Date.now());
      return Date.now();
    },
  };
}

type PageApi = {
  open(w: string, s: string, sig: string[], mesh: number): Promise<void>;
  synced(): boolean;
  cards(): number;
  reachedAt(n: number): number | null;
  addCard(t: string): number;
  links(): string[];
  close(): void;
};
const call = <R>(page: Page, fn: (b: PageApi, arg: never) => R | Promise<R>, arg?: unknown): Promise<R> =>
  page.evaluate(({ src, a }) => new Function('b', 'a', `return (${src})(b, a)`)((globalThis as unknown as { relayBench: PageApi }).relayBench, a) as R, { src: fn.toString(), a: arg });

function browserParticipant(page: Page, name: string): Participant {
  return {
    name,
    cards: () => call(page, (b) => b.cards()),
    reachedAt: (count) => call(page, (b, n: number) => b.reachedAt(n), count),
    synced: () => call(page, (b) => b.synced()),
    addCard: (title) => call(page, (b, t: string) => b.addCard(t), title),
  };
}

async function servePage(): Promise<{ url: string; close(): void }> {
  const js = (await build({ entryPoints: [fileURLToPath(new URL('./relayBenchPage.ts', import.meta.url))], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' })).outputFiles[0]?.text ?? '';
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': req.url === '/bench.js' ? 'text/javascript' : 'text/html' });
    res.end(req.url === '/bench.js' ? js : '<!doctype html><title>relay bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, close: () => server.close() };
}

async function openBrowsers(): Promise<{ browser: Browser | null; pages: Page[]; close(): Promise<void>; note: string }> {
  if (BROWSERS === 0) return { browser: null, pages: [], close: async () => undefined, note: 'none (RELAY_BENCH_BROWSERS=0)' };
  try {
    const site = await servePage();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--allow-loopback-in-peer-connection', '--use-fake-ui-for-media-stream'],
    });
    const pages: Page[] = [];
    for (let i = 0; i < BROWSERS; i++) {
      // One context each: pages of one context would meet over BroadcastChannel instead.
      const page = await (await browser.newContext()).newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => 'relayBench' in globalThis);
      pages.push(page);
    }
    return { browser, pages, note: `${BROWSERS} Chromium pages (the app's room layer)`, close: async () => { await browser.close(); site.close(); } };
  } catch (e) {
    return { browser: null, pages: [], close: async () => undefined, note: `unavailable: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

/** Waits until everyone holds the board; returns how many do, and the last three to get there. */
async function allSynced(participants: readonly Participant[], deadline: number): Promise<{ synced: number; last: string }> {
  const at = new Map<string, number>();
  const start = Date.now();
  while (Date.now() < deadline && at.size < participants.length) {
    for (const p of participants) if (!at.has(p.name) && (await p.synced())) at.set(p.name, Date.now() - start);
    if (at.size < participants.length) await sleep(250);
  }
  const last = [...at].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
  const missing = participants.filter((p) => !at.has(p.name)).slice(0, 3).map((p) => `${p.name} never`);
  return { synced: at.size, last: [...missing, ...last].slice(0, 3).join(', ') };
}

async function runSize(size: number, pages: readonly Page[]): Promise<void> {
  console.log(`\n### ${size} participants (${size - pages.length} headless, ${pages.length} browsers)`);
  let server: ServerProcess | null = null;
  const headless: HeadlessPeer[] = [];
  const rows: [string, string | number][] = [];
  try {
    server = await spawnSignalServer(SERVER_FLAGS);
    const idle = sampleProcess(server.pid);
    await sleep(300);
    const baseRss = idle.stop().peakRssMiB ?? 0;
    const workshopId = `bench-${size}-${Date.now()}`;
    const secret = createRoomSecret();
    const topic = await roomTopic(workshopId, secret);
    const key = await deriveRelayKey(secret, topic);
    const participants: Participant[] = [];

    const joinLoad = sampleProcess(server.pid);
    const joinStart = Date.now();
    const host = headlessPeer(server.url, topic, key, {}, 'host');
    initWorkshop(host.doc, { title: 'Relay bench', facilitator: 'Host', createdAt: 0 });
    headless.push(host);
    participants.push(headlessParticipant(host, 'host'));
    for (let i = 1; i < size - pages.length; i++) {
      const peer = headlessPeer(server.url, topic, key, {}, `peer ${i}`);
      headless.push(peer);
      participants.push(headlessParticipant(peer, `peer ${i}`));
      await sleep(15);
    }
    for (const [i, page] of pages.entries()) {
      await call(page, (b, a: [string, string, string[], number]) => b.open(...a), [workshopId, secret, [server.url], 12]);
      participants.push(browserParticipant(page, `browser ${i + 1}`));
    }
    const { synced, last } = await allSynced(participants, Date.now() + JOIN_TIMEOUT_MS);
    const joinMs = Date.now() - joinStart;
    const join = joinLoad.stop();
    rows.push(['joined and synced', `${synced}/${size} in ${(joinMs / 1000).toFixed(1)} s (last: ${last})`]);
    if (synced < size) rows.push(['(join incomplete)', `the rounds below run with whoever synced`]);

    // The joins leave every headless peer of this one process frames to work through (each of
    // N joins reaches N peers); the rounds start when that backlog has drained, so they measure
    // the relay and not the simulation catching up.
    const settleStart = Date.now();
    const received = () => headless.reduce((sum, p) => sum + p.relay.counts().received, 0);
    let before = -1;
    while (Date.now() - settleStart < 90_000) {
      const now = received();
      if (now === before) break;
      before = now;
      await sleep(2000);
    }
    rows.push(['settled (no relay frames for 2 s)', `after ${((Date.now() - settleStart) / 1000).toFixed(1)} s more`]);

    // Steady state: everyone present, nobody editing (presence renewals and "alive" only).
    const steady = sampleProcess(server.pid);
    await sleep(5000);
    const quiet = steady.stop();

    const editLoad = sampleProcess(server.pid);
    const benchCpu = process.cpuUsage();
    const editsStart = Date.now();
    const converge: number[] = [];
    const lastOnes: string[] = [];
    let expected = 0;
    let missed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Ten people add a card at the same moment, one of them in a browser when there are some.
      const editors = Array.from({ length: EDITORS }, (_, k) => participants[(round * 37 + k * Math.floor(size / EDITORS)) % participants.length] as Participant);
      if (pages.length > 0) editors[0] = participants[size - 1 - (round % pages.length)] as Participant;
      const times = await Promise.all(editors.map((p, k) => p.addCard(`round ${round} card ${k}`)));
      expected += editors.length;
      const lastEdit = Math.max(...times);
      const deadline = Date.now() + ROUND_TIMEOUT_MS;
      let lastSeen = 0;
      let last = '';
      let complete = false;
      while (Date.now() < deadline) {
        const seen = await Promise.all(participants.map((p) => p.reachedAt(expected)));
        if (seen.every((t) => t !== null)) {
          lastSeen = Math.max(...(seen as number[]));
          last = participants[seen.indexOf(lastSeen)]?.name ?? '';
          complete = true;
          break;
        }
        await sleep(50);
      }
      if (complete) {
        converge.push(lastSeen - lastEdit);
        lastOnes.push(`${(lastSeen - lastEdit).toFixed(0)} ms (last: ${last})`);
      }
      else {
        missed++;
        const counts = await Promise.all(participants.map((p) => p.cards()));
        rows.push([`round ${round + 1}`, `not converged in ${ROUND_TIMEOUT_MS / 1000} s: ${counts.filter((c) => c < expected).length} participants short`]);
        expected = Math.max(...counts);
      }
      await sleep(500);
    }
    const edits = editLoad.stop();
    const ownCpu = process.cpuUsage(benchCpu);
    const ownPercent = ((ownCpu.user + ownCpu.system) / 1000 / (Date.now() - editsStart)) * 100;
    const stats = await server.stop();
    server = null;
    const rss = join.peakRssMiB ?? 0;
    rows.push(
      ['last edit → all converged', converge.length ? `median ${median(converge).toFixed(0)} ms, max ${Math.max(...converge).toFixed(0)} ms (${converge.length}/${ROUNDS} rounds${missed ? `, ${missed} missed` : ''})` : 'no round converged'],
      ['  each round', lastOnes.join(', ') || '-'],
      ['  p90 over rounds', converge.length ? `${percentile(converge, 90).toFixed(0)} ms` : '-'],
      ['server RSS (peak while joining)', `${rss.toFixed(1)} MiB (empty server ${baseRss.toFixed(1)} MiB)`],
      ['server memory per 100 participants', `${(((rss - baseRss) / size) * 100).toFixed(1)} MiB`],
      ['server CPU while joining', `${(join.cpuPercent ?? Number.NaN).toFixed(1)} % of a core (${((join.cpuPercent ?? Number.NaN) / size * 100).toFixed(1)} % per 100)`],
      ['server CPU, everyone present, idle', `${(quiet.cpuPercent ?? Number.NaN).toFixed(1)} % (${((quiet.cpuPercent ?? Number.NaN) / size * 100).toFixed(2)} % per 100)`],
      ['server CPU during edit rounds', `${(edits.cpuPercent ?? Number.NaN).toFixed(1)} % (${((edits.cpuPercent ?? Number.NaN) / size * 100).toFixed(2)} % per 100)`],
      ['this process (all headless peers) during rounds', `${ownPercent.toFixed(0)} % of a core`],
      ['server fan-out (whole run)', `${stats.messagesOut ?? '?'} deliveries, ${stats.published ?? '?'} publishes; refused, dropped or closed: ${JSON.stringify(Object.fromEntries(Object.entries(stats).filter(([k, v]) => /^(refused|dropped|closed)\./.test(k) && k !== 'closed.shutdown' && v !== 0)))}`],
    );
  } catch (e) {
    rows.push(['stopped early', e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e)]);
  } finally {
    for (const page of pages) await call(page, (b) => b.close()).catch(() => undefined);
    await Promise.all(headless.map((p) => p.close().catch(() => undefined)));
    if (server) await server.stop().catch(() => undefined);
    report(rows);
  }
}

console.log('Relay benchmark: headless peers in this process (they share its CPU with each other), server in a child process');
const browsers = await openBrowsers();
console.log(`browsers: ${browsers.note}`);
try {
  for (const size of SIZES) await runSize(size, browsers.pages);
} finally {
  await browsers.close();
}
process.exit(0);
