// Big rooms through the relay, in one run: 50, 100 and 300 participants, each a headless relay
// peer in this Node process (test/support/headlessRelayPeer.ts) except three people in three
// windows of the real app (bench/relayBenchWindows.ts: the built renderer, each window its own
// Chromium process, mesh size set on the device; the facilitator hosts through the UI, the others
// join through the web invite), all on the real `bridgeboard signal` server in a child process.
// Prints, per size: time to join and sync, the time from the last edit of a round (10 people
// adding a card at once, one of them in an app window) until every headless peer holds every
// card and every app window shows every card (targets: under 2 s at 100, under 5 s at 300), the
// server's CPU and memory per 100 participants, and its fan-out.
// Whatever a size cannot reach (an app window that cannot join, a join or a round that times
// out) is reported, never thrown; without app windows the headless figures still come out.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { addCard, cardsMap } from '../shared/board';
import { initWorkshop } from '../shared/schema';
import { createRoomSecret, decodeInvite } from '../shared/room';
import { deriveRelayKey } from '../shared/relay';
import { roomTopic } from '../renderer/src/features/room/roomTopic';
import { headlessPeer, type HeadlessPeer } from '../test/support/headlessRelayPeer';
import { sampleProcess, spawnSignalServer, type ServerProcess } from './signalServerProcess';
import { hostRoom, joinRoom, measureClock, openWindow, saveCard, serveApp, typeCard, type AppSite, type AppWindow } from './relayBenchWindows';
import { median, percentile, report } from './benchUtil';

const SIZES = (process.env.RELAY_BENCH_SIZES ?? '50,100,300').split(',').map(Number).filter((n) => n >= 4);
const BROWSERS = Number(process.env.RELAY_BENCH_BROWSERS ?? 3);
// Direct WebRTC links per app window (the app's default): the three windows mesh among
// themselves and reach every headless peer through the relay.
const MESH_SIZE = Number(process.env.RELAY_BENCH_MESH ?? 12);
const ROUNDS = 5;
const EDITORS = 10;
const JOIN_TIMEOUT_MS = 180_000;
const ROUND_TIMEOUT_MS = 30_000;
const TITLE = 'Relay bench';
// Every participant comes from 127.0.0.1 here, so the per-address limits are raised to the
// room's size; per-topic budgets are raised as docs/rooms.md advises for rooms of hundreds.
const SERVER_FLAGS = [
  '--host', '127.0.0.1',
  '--max-connections', '4000', '--max-connections-per-address', '4000', '--max-handshakes-per-address', '1000',
  '--max-subscribers-per-topic', '1000', '--max-subscribers-per-topic-per-address', '1000',
  '--max-topics-per-address', '4000', '--max-topics', '20000',
  '--out-bytes-per-second-per-address', String(1024 * 1024 * 1024), '--out-bytes-per-second-per-topic', String(32 * 1024 * 1024),
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The benchmark's clock, comparable with the app windows' (timeOrigin + now on one machine). */
const nodeNow = (): number => performance.timeOrigin + performance.now();
const firstLine = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e));

interface Participant {
  readonly name: string;
  cards(): Promise<number>;
  /** When this participant first held (headless) or showed (app window) `count` cards. */
  reachedAt(count: number): Promise<number | null>;
  synced(): Promise<boolean>;
  /** Everything short of the edit itself (an app window opens the editor and types). */
  prepare(title: string): Promise<void>;
  /** Makes the edit; returns when it was made. */
  commit(title: string): Promise<number>;
}

function headlessParticipant(peer: HeadlessPeer, name: string): Participant {
  const reached = new Map<number, number>();
  peer.doc.on('update', () => {
    const at = nodeNow();
    for (let n = cardsMap(peer.doc).size; n > 0 && !reached.has(n); n--) reached.set(n, at);
  });
  return {
    name,
    cards: async () => cardsMap(peer.doc).size,
    reachedAt: async (count) => reached.get(count) ?? null,
    synced: async () => peer.relay.synced() && peer.doc.getMap('meta').size > 0,
    prepare: async () => undefined,
    async commit(title) {
      addCard(peer.doc, { section: 'goals', fields: { title }, author: { name, side: 'IT' } }, Date.now());
      return nodeNow();
    },
  };
}

function windowParticipant(w: AppWindow, name: string): Participant {
  return {
    name,
    cards: () => w.page.evaluate<number>('bbRelay.cards()').catch(() => 0),
    reachedAt: async (count) => {
      const at = await w.page.evaluate<number | null>(`bbRelay.reachedAt(${count})`).catch(() => null);
      return at === null ? null : at - w.offset;
    },
    synced: async () => (await w.page.evaluate<string>('bbRelay.boardTitle()').catch(() => '')) === TITLE,
    prepare: (title) => typeCard(w.page, title),
    commit: () => saveCard(w),
  };
}

/** Waits until everyone holds the board; returns how many do, and the last three to get there. */
async function allSynced(participants: readonly Participant[], start: number, deadline: number): Promise<{ synced: number; last: string }> {
  const at = new Map<string, number>();
  while (Date.now() < deadline && at.size < participants.length) {
    for (const p of participants) if (!at.has(p.name) && (await p.synced())) at.set(p.name, Date.now() - start);
    if (at.size < participants.length) await sleep(250);
  }
  const last = [...at].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
  const missing = participants.filter((p) => !at.has(p.name)).slice(0, 3).map((p) => `${p.name} never`);
  return { synced: at.size, last: [...missing, ...last].slice(0, 3).join(', ') };
}

interface Room {
  readonly workshopId: string;
  readonly secret: string;
  /** The web invite the facilitator's window gave out; null when a headless host stands in. */
  readonly link: string | null;
}

/** The first app window hosts through the UI; if it cannot, a headless host makes the room. */
async function openBoard(windows: AppWindow[], serverUrl: string, size: number, rows: [string, string | number][]): Promise<Room> {
  const facilitator = windows[0];
  if (facilitator) {
    try {
      const link = await hostRoom(facilitator.page, TITLE, serverUrl);
      const invite = decodeInvite(link, Date.now());
      return { workshopId: invite.workshopId, secret: invite.secret, link };
    } catch (e) {
      rows.push(['app windows', `the facilitator's window could not open the room (${firstLine(e)}): headless only`]);
      await closeWindows(windows.splice(0));
    }
  }
  return { workshopId: `bench-${size}-${Date.now()}`, secret: createRoomSecret(), link: null };
}

async function closeWindows(windows: readonly AppWindow[]): Promise<void> {
  await Promise.all(windows.map((w) => w.browser.close().catch(() => undefined)));
}

async function runSize(size: number, site: AppSite | null): Promise<void> {
  let server: ServerProcess | null = null;
  const headless: HeadlessPeer[] = [];
  const windows: AppWindow[] = [];
  const rows: [string, string | number][] = [];
  const wanted = site ? Math.min(BROWSERS, size - 1) : 0;
  console.log(`\n### ${size} participants (${size - wanted} headless, ${wanted} app windows; load average before: ${(loadavg()[0] ?? 0).toFixed(1)})`);
  try {
    server = await spawnSignalServer(SERVER_FLAGS);
    const idle = sampleProcess(server.pid);
    await sleep(300);
    const baseRss = idle.stop().peakRssMiB ?? 0;

    if (site) {
      try {
        for (let i = 0; i < wanted; i++) windows.push(await openWindow(site, MESH_SIZE));
      } catch (e) {
        rows.push(['app windows', `could not start Chromium (${firstLine(e)}): ${windows.length} of ${wanted}`]);
      }
    }
    const room = await openBoard(windows, server.url, size, rows);
    const topic = await roomTopic(room.workshopId, room.secret);
    const key = await deriveRelayKey(room.secret, topic);
    const participants: Participant[] = [];

    const joinLoad = sampleProcess(server.pid);
    const joinStart = Date.now();
    const headlessCount = size - windows.length;
    for (let i = 0; i < headlessCount; i++) {
      const name = i === 0 && !room.link ? 'host' : `peer ${i + 1}`;
      const peer = headlessPeer(server.url, topic, key, {}, name);
      if (!room.link && i === 0) initWorkshop(peer.doc, { title: TITLE, facilitator: 'Host', createdAt: 0 });
      headless.push(peer);
      participants.push(headlessParticipant(peer, name));
      await sleep(15);
    }
    // The facilitator's window has been in the room all along; the others join by the invite.
    const joined: AppWindow[] = windows.slice(0, 1);
    for (const [i, w] of windows.slice(1).entries()) {
      try {
        await joinRoom(w.page, room.link ?? '', i + 1);
        joined.push(w);
      } catch (e) {
        rows.push([`app window ${i + 2}`, `could not join (${firstLine(e)}); left out`]);
        await w.browser.close().catch(() => undefined);
      }
    }
    windows.splice(0, windows.length, ...joined);
    for (const [i, w] of windows.entries()) participants.push(windowParticipant(w, `app window ${i + 1}`));
    const { synced, last } = await allSynced(participants, joinStart, joinStart + JOIN_TIMEOUT_MS);
    const joinMs = Date.now() - joinStart;
    const join = joinLoad.stop();
    rows.push(['participants', `${headless.length} headless + ${windows.length} app windows (mesh size ${MESH_SIZE} on each)`]);
    rows.push(['joined and synced', `${synced}/${participants.length} in ${(joinMs / 1000).toFixed(1)} s (last: ${last})`]);
    if (synced < participants.length) rows.push(['(join incomplete)', `the rounds below run with whoever synced`]);
    for (const w of windows) await measureClock(w);

    // The joins leave every headless peer of this one process frames to work through (each of
    // N joins reaches N peers); the rounds start when that backlog has drained, so they measure
    // the relay and not the simulation catching up.
    const settleStart = Date.now();
    const received = () => headless.reduce((sum, p) => sum + p.relay.counts().received, 0);
    let before = -1;
    let quietNow = false;
    while (!quietNow && Date.now() - settleStart < 90_000) {
      const now = received();
      quietNow = now === before;
      before = now;
      if (!quietNow) await sleep(2000);
    }
    const waited = `${((Date.now() - settleStart) / 1000).toFixed(1)} s`;
    // Presence renewals and "alive" frames never stop, so a big room may never fall quiet for 2 s.
    rows.push(quietNow ? ['settled (no relay frames for 2 s)', `after ${waited} more`] : ['settle wait (no 2 s without relay frames)', `gave up after ${waited}; rounds start anyway`]);

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
    const headlessOnes = participants.slice(0, headless.length);
    const windowOnes = participants.slice(headless.length);
    const headlessLast: number[] = [];
    const windowsLast: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Ten people add a card at the same moment, one of them in an app window when there are some.
      const editors = Array.from({ length: EDITORS }, (_, k) => headlessOnes[(round * 37 + k * Math.floor(headlessOnes.length / EDITORS)) % headlessOnes.length] as Participant);
      const inWindow = windowOnes[round % Math.max(1, windowOnes.length)];
      if (inWindow) {
        try {
          await inWindow.prepare(`round ${round} card 0`);
          editors[0] = inWindow;
        } catch (e) {
          rows.push([`round ${round + 1}`, `${inWindow.name} could not open the card editor (${firstLine(e)}); a headless peer edits instead`]);
        }
      }
      const times = await Promise.all(editors.map((p, k) => p.commit(`round ${round} card ${k}`).catch(() => Number.NaN)));
      expected += editors.length;
      const lastEdit = Math.max(...times.filter(Number.isFinite));
      const deadline = Date.now() + ROUND_TIMEOUT_MS;
      let lastSeen = 0;
      let last = '';
      let complete = false;
      while (Date.now() < deadline && times.every(Number.isFinite)) {
        const seen = await Promise.all(participants.map((p) => p.reachedAt(expected)));
        if (seen.every((t) => t !== null)) {
          const at = seen as number[];
          lastSeen = Math.max(...at);
          last = participants[at.indexOf(lastSeen)]?.name ?? '';
          headlessLast.push(Math.max(...at.slice(0, headless.length)) - lastEdit);
          if (windowOnes.length) windowsLast.push(Math.max(...at.slice(headless.length)) - lastEdit);
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
        const why = times.every(Number.isFinite) ? `not converged in ${ROUND_TIMEOUT_MS / 1000} s` : 'an edit failed';
        rows.push([`round ${round + 1}`, `${why}: ${counts.filter((c) => c < expected).length} participants short`]);
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
      ['  last headless peer / last app window, median of rounds', `${headlessLast.length ? `${median(headlessLast).toFixed(0)} ms` : '-'} / ${windowsLast.length ? `${median(windowsLast).toFixed(0)} ms` : '-'}`],
      ['server RSS (peak while joining)', `${rss.toFixed(1)} MiB (empty server ${baseRss.toFixed(1)} MiB)`],
      ['server memory per 100 participants', `${(((rss - baseRss) / size) * 100).toFixed(1)} MiB`],
      ['server CPU while joining', `${(join.cpuPercent ?? Number.NaN).toFixed(1)} % of a core (${((join.cpuPercent ?? Number.NaN) / size * 100).toFixed(1)} % per 100)`],
      ['server CPU, everyone present, idle', `${(quiet.cpuPercent ?? Number.NaN).toFixed(1)} % (${((quiet.cpuPercent ?? Number.NaN) / size * 100).toFixed(2)} % per 100)`],
      ['server CPU during edit rounds', `${(edits.cpuPercent ?? Number.NaN).toFixed(1)} % (${((edits.cpuPercent ?? Number.NaN) / size * 100).toFixed(2)} % per 100)`],
      ['this process (all headless peers) during rounds', `${ownPercent.toFixed(0)} % of a core`],
      ['server fan-out (whole run)', `${stats.messagesOut ?? '?'} deliveries, ${stats.published ?? '?'} publishes; refused, dropped or closed: ${JSON.stringify(Object.fromEntries(Object.entries(stats).filter(([k, v]) => /^(refused|dropped|closed)\./.test(k) && k !== 'closed.shutdown' && v !== 0)))}`],
    );
  } catch (e) {
    rows.push(['stopped early', firstLine(e)]);
  } finally {
    await closeWindows(windows);
    await Promise.all(headless.map((p) => p.close().catch(() => undefined)));
    if (server) await server.stop().catch(() => undefined);
    report(rows);
  }
}

console.log('Relay benchmark: headless peers in this process (they share its CPU with each other), server in a child process, app windows in Chromium processes');
let site: AppSite | null = null;
if (BROWSERS > 0) {
  try {
    site = await serveApp();
    const probe = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    console.log(`app windows: ${BROWSERS} per size, the built renderer in Chromium ${probe.version()}, node ${process.version}`);
    await probe.close();
  } catch (e) {
    console.log(`app windows unavailable (${firstLine(e)}): headless peers only`);
    await site?.close().catch(() => undefined);
    site = null;
  }
} else console.log('app windows: none (RELAY_BENCH_BROWSERS=0)');
try {
  for (const size of SIZES) await runSize(size, site);
} finally {
  await site?.close().catch(() => undefined);
}
process.exit(0);
