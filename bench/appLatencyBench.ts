// Edit to visible through the real app: 3, then 10 app windows, each its own headless Chromium
// process, in one room over real y-webrtc and the real signaling server (`bridgeboard signal` in
// a child process), in a loopback-only network namespace when run by `npm run bench`. One
// window edits a card's title in the card editor and presses Enter; the time runs from that key
// press to the next animation frame after the new title is in every other window's DOM. Beside
// it, in the same run and between the same windows, the floor: a plain RTCDataChannel's round
// trip. Prints figures and never throws: a room that does not come up is reported with what it
// reached. Target (issue 13): p95 <= 2 x floor + 16 ms for 3 peers.
// BENCH_PROFILE=/tmp/edit writes CPU profiles of a sender and a receiver window for the 3-peer
// run (edit.sender.cpuprofile, edit.receiver.cpuprofile), on an unminified build.
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { startStaticServer } from '../scripts/staticServer.mjs';
import { spawnSignalServer } from './signalServerProcess';
import { median, percentile, report } from './benchUtil';
import { hostRoom, joinRoom } from './relayBenchWindows';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const profilePath = process.env.BENCH_PROFILE;
const counts = (process.env.BENCH_PEERS ?? '3,10').split(',').map(Number).filter((n) => n >= 2);
const EDITS: Record<number, number> = { 3: 60, 10: 30 };
const WEBRTC_ARGS = ['--allow-loopback-in-peer-connection', '--use-fake-ui-for-media-stream'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...WEBRTC_ARGS];

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
const nodeNow = () => performance.timeOrigin + performance.now();
const js = (value: unknown) => JSON.stringify(value);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Window {
  readonly browser: Browser;
  readonly page: Page;
  /** This page's clock minus the benchmark's, estimated from the fastest of several round trips. */
  offset: number;
  offsetError: number;
}

async function probeScript(): Promise<string> {
  const out = await esbuild({ entryPoints: [path.join(root, 'bench/appLatencyProbe.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  return out.outputFiles[0]?.text ?? '';
}

async function openWindow(url: string, probe: string): Promise<Window> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  return { browser, page, offset: 0, offsetError: Number.POSITIVE_INFINITY };
}

/** Estimates the page clock's offset from the benchmark's (NTP-style, best of 15). */
async function measureClock(w: Window): Promise<void> {
  for (let i = 0; i < 15; i++) {
    const t0 = nodeNow();
    const pageNow = await w.page.evaluate<number>('bbLatency.clock()');
    const t1 = nodeNow();
    if ((t1 - t0) / 2 < w.offsetError) {
      w.offsetError = (t1 - t0) / 2;
      w.offset = pageNow - (t0 + t1) / 2;
    }
  }
}

const connectedPeers = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('room-state').textContent().catch(() => null)) ?? '';
  return Number(/(\d+) peers? connected/.exec(text)?.[1] ?? 0);
};

/** Waits until every window has a live connection to every other; returns the counts reached. */
async function fullMesh(windows: readonly Window[], timeoutMs: number): Promise<{ ok: boolean; counts: number[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(windows.map((w) => connectedPeers(w.page)));
    if (counts.every((c) => c === windows.length - 1)) return { ok: true, counts };
    if (Date.now() > deadline) return { ok: false, counts };
    await sleep(500);
  }
}

async function addCard(page: Page, title: string): Promise<void> {
  const dialog = page.getByTestId('card-editor');
  for (let attempt = 0; !(await dialog.isVisible()) && attempt < 10; attempt++) {
    await page.getByTestId('add-card-goals').click();
    await dialog.waitFor({ timeout: 1500 }).catch(() => undefined);
  }
  await dialog.locator('input[data-field="title"]').fill(title);
  await dialog.locator('input[data-field="title"]').press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

/** The floor between two windows: a data channel they set up through the benchmark. */
async function floor(a: Window, b: Window, pings: number): Promise<number[]> {
  const offer = await a.page.evaluate<RTCSessionDescriptionInit>('bbLatency.floorOffer()');
  const answer = await b.page.evaluate<RTCSessionDescriptionInit>(`bbLatency.floorAnswer(${js(offer)})`);
  await a.page.evaluate(`bbLatency.floorAccept(${js(answer)})`);
  const rtts = await a.page.evaluate<number[]>(`bbLatency.floorPing(${pings})`);
  await Promise.all([a.page.evaluate('bbLatency.floorClose()'), b.page.evaluate('bbLatency.floorClose()')]);
  return rtts;
}

interface EditRun {
  readonly latencies: number[];
  /** Per edit, the slowest receiver. */
  readonly slowest: number[];
  /** Enter to the sender's own card painted. */
  readonly local: number[];
  missed: number;
  /** Receivers only: Enter to the first data-channel message, that to the DOM, the DOM to the frame. */
  readonly send: number[];
  readonly arrive: number[];
  readonly apply: number[];
  readonly frame: number[];
}

async function edits(windows: readonly Window[], count: number, fixedSender: boolean, seedTitle: string): Promise<EditRun> {
  const run: EditRun = { latencies: [], slowest: [], local: [], missed: 0, send: [], arrive: [], apply: [], frame: [] };
  let current = seedTitle;
  for (let i = 0; i < count; i++) {
    const sender = windows[fixedSender ? 0 : i % windows.length];
    if (!sender) break;
    const text = `Edit ${i} ${Math.random().toString(36).slice(2, 6)}`;
    const card = sender.page.getByTestId('card').filter({ has: sender.page.getByRole('button', { name: current, exact: true }) });
    await card.locator('[data-control="edit"]').click();
    const title = sender.page.getByTestId('card-editor').locator('input[data-field="title"]');
    await title.fill(text);
    await Promise.all(windows.map((w) => w.page.evaluate(`bbLatency.watch(${js(text)})`)));
    // A person's key press falls anywhere within a frame.
    await sleep(Math.random() * 17);
    await title.press('Enter');
    const seen = await Promise.all(windows.map((w) => w.page.evaluate<number | null>('bbLatency.seen(5000)')));
    const enterAt = (await sender.page.evaluate<number>('bbLatency.enterAt()')) - sender.offset;
    const steps = await Promise.all(windows.map((w) => w.page.evaluate<{ arrivedAt: number | null; domAt: number | null; sentAt: number | null }>('bbLatency.steps()')));
    const sentAt = steps[windows.indexOf(sender)]?.sentAt;
    if (sentAt) run.send.push(sentAt - sender.offset - enterAt);
    let slowest = 0;
    windows.forEach((w, k) => {
      const at = seen[k];
      if (at === null || at === undefined) {
        if (w !== sender) run.missed++;
        return;
      }
      const ms = at - w.offset - enterAt;
      if (w === sender) run.local.push(ms);
      else {
        run.latencies.push(ms);
        slowest = Math.max(slowest, ms);
        const { arrivedAt, domAt } = steps[k] ?? { arrivedAt: null, domAt: null };
        if (arrivedAt !== null && domAt !== null) {
          run.arrive.push(arrivedAt - w.offset - enterAt);
          run.apply.push(domAt - arrivedAt);
          run.frame.push(at - domAt);
        }
      }
    });
    run.slowest.push(slowest);
    current = text;
    await sender.page.getByTestId('card-editor').waitFor({ state: 'detached' });
    await sleep(30);
  }
  return run;
}

async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function roomRun(count: number, appUrl: string, probe: string, signalingUrl: string): Promise<void> {
  console.log(`\n${count} app windows, each its own Chromium process (load average before: ${loadavg()[0]?.toFixed(1)})`);
  const windows: Window[] = [];
  const started = Date.now();
  try {
    for (let i = 0; i < count; i++) windows.push(await openWindow(appUrl, probe));
    const [first, second] = windows;
    if (!first || !second) return;
    const link = await hostRoom(first.page, 'Latency bench', signalingUrl, 30_000);
    // People join one after another.
    for (let i = 1; i < count; i++) await joinRoom(windows[i]!.page, link, i, 30_000);
    const mesh = await fullMesh(windows, count * 15_000);
    const meshMs = Date.now() - started;
    if (!mesh.ok) {
      console.log(`  the room did not come up within ${(count * 15).toFixed(0)} s: connections per window ${mesh.counts.join(' ')} (of ${count - 1}); no latency figures`);
      return;
    }
    console.log(`  room up (windows launched, host, ${count - 1} joins, full mesh) in ${(meshMs / 1000).toFixed(1)} s`);
    const seed = 'Seed card';
    await addCard(first.page, seed);
    await Promise.all(windows.map(async (w) => w.page.getByTestId('card').filter({ hasText: seed }).waitFor({ timeout: 20_000 })));
    for (const w of windows) await measureClock(w);
    const skew = Math.max(...windows.map((w) => Math.abs(w.offset - first.offset)));
    const clockError = Math.max(...windows.map((w) => w.offsetError));

    const profiles = profilePath && count === 3 ? await Promise.all([startProfile(first.page), startProfile(second.page)]) : null;
    const run = await edits(windows, EDITS[count] ?? 30, profiles !== null, seed);
    if (profiles && profilePath) {
      const names = ['sender', 'receiver'];
      for (const [k, cdp] of profiles.entries()) {
        const { profile } = await cdp.send('Profiler.stop');
        await writeFile(`${profilePath}.${names[k]}.cpuprofile`, JSON.stringify(profile));
      }
      console.log(`  CPU profiles written to ${profilePath}.sender.cpuprofile and .receiver.cpuprofile`);
    }
    const rtts = await floor(first, second, 100);
    const floorMs = median(rtts);
    report([
      ['raw data-channel round trip (floor), median / p95', `${fmt(floorMs)} / ${fmt(percentile(rtts, 95))}`],
      [`edit to visible, ${run.latencies.length} (edit, receiver) pairs: median / p95`, `${fmt(median(run.latencies))} / ${fmt(percentile(run.latencies, 95))}`],
      ['slowest receiver per edit: median / p95', `${fmt(median(run.slowest))} / ${fmt(percentile(run.slowest, 95))}`],
      ['Enter to the sender’s own card painted: median / p95', `${fmt(median(run.local))} / ${fmt(percentile(run.local, 95))}`],
      ['  where it goes (medians): Enter to sent / to first message in / to DOM / to frame', `${fmt(median(run.send))} / ${fmt(median(run.arrive))} / ${fmt(median(run.apply))} / ${fmt(median(run.frame))}`],
      ['  the same, p95 each', `${fmt(percentile(run.send, 95))} / ${fmt(percentile(run.arrive, 95))} / ${fmt(percentile(run.apply, 95))} / ${fmt(percentile(run.frame, 95))}`],
      ['target: p95 <= 2 x floor + 16 ms', fmt(2 * floorMs + 16)],
      ['load average after (1 min; this machine has 2 cores)', (loadavg()[0] ?? 0).toFixed(1)],
      ['clocks: largest offset between windows / uncertainty', `${fmt(skew)} / ±${fmt(clockError)} (corrected)`],
      ...(run.missed ? [['edits not seen within 5 s', String(run.missed)] as const] : []),
    ]);
  } catch (e) {
    console.log(`  stopped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    await Promise.all(windows.map((w) => w.browser.close().catch(() => undefined)));
  }
}

async function main(): Promise<void> {
  const outDir = path.join(root, 'dist/bench-latency-renderer');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(profilePath ? { minify: false } : {}) } });
  const probe = await probeScript();
  const app = await startStaticServer(outDir, 0);
  let signaling: Awaited<ReturnType<typeof spawnSignalServer>> | null = null;
  try {
    signaling = await spawnSignalServer(['--host', '127.0.0.1']);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const chromiumVersion = browser.version();
    await browser.close();
    console.log(`Edit to visible in the app: Enter in one window's card editor to the next frame showing the title in another (Chromium ${chromiumVersion}, node ${process.version})`);
    for (const count of counts) await roomRun(count, app.url, probe, signaling.url);
  } finally {
    await app.close();
    const stats = (await signaling?.stop()) ?? {};
    const dropped = Object.entries(stats).filter(([k, v]) => /drop|refus|reject/i.test(k) && typeof v === 'number' && v > 0);
    if (dropped.length) console.log(`  signaling server dropped or refused: ${dropped.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

main().catch((e: unknown) => {
  console.log(`app latency benchmark could not finish its setup: ${e instanceof Error ? e.message : String(e)}`);
});
