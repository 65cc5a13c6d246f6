// The attacks of issue 10 on a signaling server, at the scale they were measured at: each sets
// itself up, keeps going while the benchmark measures a well-behaved pair, and then says what it
// achieved. Attackers use their own 127.x.y.z addresses; the pair uses 127.0.0.3.
import { performance } from 'node:perf_hooks';
import { closeAll, openMany, settled, slowSocket, tally, type BenchSocket } from './hostileSignalingClients';

export interface Attack {
  readonly name: string;
  /** How long to keep it going after start(); the pair's runs are spread over this time. */
  readonly durationMs: number;
  /** Sets the attack up; resolves with what the attacker got, once it is in full swing. */
  start(url: string): Promise<string>;
  /** Ends it; may say more (how long the server let it last). */
  stop(): Promise<string>;
}

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

/** Connections each subscribing to topics of their own, to fill the server's topic table. */
export function topicFill(name: string, addresses: readonly string[], connections: number, topicsEach: number): Attack {
  let open: BenchSocket[] = [];
  return {
    name,
    durationMs: 1_500,
    async start(url) {
      const opened = await openMany(url, addresses, connections);
      open = opened.open;
      open.forEach((s, i) => s.ws.send(JSON.stringify({ type: 'subscribe', topics: Array.from({ length: topicsEach }, (_, j) => `fill-${i}-${j}`) })));
      await Promise.all(open.map((s) => settled(s)));
      const told = open.reduce((n, s) => n + s.received.filter((m) => m.type === 'subscribe-refused').reduce((k, m) => k + (Array.isArray(m.topics) ? m.topics.length : 0), 0), 0);
      return `${open.length} connections (refused: ${tally(opened.refused)}); ${open.length * topicsEach - told} subscriptions not refused, ${told} refused and told so`;
    },
    async stop() {
      closeAll(open);
      return '';
    },
  };
}

/** Idle connections from one address that answer pings (ws does so itself). */
export function idleFlood(address: string, connections: number): Attack {
  let open: BenchSocket[] = [];
  return {
    name: `idle flood: ${connections} connections from one address`,
    durationMs: 1_500,
    async start(url) {
      const opened = await openMany(url, [address], connections);
      open = opened.open;
      return `${open.length} open (refused: ${tally(opened.refused)})`;
    },
    async stop() {
      closeAll(open);
      return '';
    },
  };
}

/** Half-open sockets from one address, dribbling a header line a second. */
export function slowloris(address: string, sockets: number, waitForCutMs: number): Attack {
  let wave: ReturnType<typeof slowSocket>[] = [];
  let closed = 0;
  return {
    name: `slowloris: ${sockets} half-open sockets from one address`,
    // Well inside the 10 s the server lets a handshake take: the pair meets the held sockets.
    durationMs: 1_500,
    async start(url) {
      const port = Number(new URL(url).port);
      wave = Array.from({ length: sockets }, () => slowSocket(port, address));
      for (const s of wave) void s.closedAt.then(() => closed++);
      await new Promise((r) => setTimeout(r, 1_000));
      return `after 1 s, ${sockets - closed} still open, ${closed} closed by the server`;
    },
    async stop() {
      const cut = await Promise.race([
        Promise.all(wave.map((s) => s.closedAt.then((t) => t - s.openedAt))),
        new Promise<undefined>((r) => setTimeout(r, waitForCutMs)),
      ]);
      for (const s of wave) s.socket.destroy();
      if (!cut) return `some sockets still open after ${(waitForCutMs / 1000).toFixed(0)} s`;
      return `the last was cut after ${(Math.max(...cut) / 1000).toFixed(1)} s`;
    },
  };
}

/** Publishers under the message rate limit into topics with many subscribers each. */
export function amplification(publishers: number, subscribers: number, messageBytes: number, perSecond: number): Attack {
  let subs: BenchSocket[] = [];
  let pubs: BenchSocket[] = [];
  let timer: NodeJS.Timeout | undefined;
  let sentBytes = 0;
  let startedAt = 0;
  const topics = Array.from({ length: publishers }, (_, i) => `amp-${i}`);
  const payload = 'x'.repeat(messageBytes);
  const received = () => subs.reduce((n, s) => n + s.receivedBytes, 0);
  return {
    name: `amplification: ${publishers} publishers at ${perSecond}/s x ${Math.round(messageBytes / 1000)} KB, ${subscribers} subscribers on each topic`,
    // As long as the issue measured it: the byte budgets' bursts are spent well before the end.
    durationMs: 10_000,
    async start(url) {
      // Spread over addresses the way a determined attacker would: 50 per address.
      const opened = await openMany(url, range('127.0.5', Math.ceil(subscribers / 50)), subscribers);
      subs = opened.open;
      for (const s of subs) s.ws.send(JSON.stringify({ type: 'subscribe', topics }));
      await Promise.all(subs.map((s) => settled(s)));
      pubs = (await openMany(url, range('127.0.4', publishers), publishers)).open;
      startedAt = performance.now();
      timer = setInterval(() => {
        for (const [i, p] of pubs.entries()) {
          const frame = JSON.stringify({ type: 'publish', topic: topics[i], data: payload });
          p.ws.send(frame);
          sentBytes += frame.length;
        }
      }, 1000 / perSecond);
      await new Promise((r) => setTimeout(r, 1_000));
      return `${subs.length} subscribers (refused: ${tally(opened.refused)}), ${pubs.length} publishers`;
    },
    async stop() {
      clearInterval(timer);
      const seconds = (performance.now() - startedAt) / 1000;
      const out = received();
      closeAll([...subs, ...pubs]);
      return `${(sentBytes / 1e6).toFixed(0)} MB published, ${(out / 1e6).toFixed(0)} MB delivered to subscribers in ${seconds.toFixed(1)} s`;
    },
  };
}

export function issueAttacks(): Attack[] {
  return [
    topicFill('topic-table fill by one address: 320 connections x 32 topics', ['127.0.1.1'], 320, 32),
    idleFlood('127.0.2.1', 1_000),
    slowloris('127.0.3.1', 1_100, 15_000),
    amplification(5, 200, 40_000, 45),
    // Not one client: the table is shared fairly, so 40 addresses can still fill it. Shown so
    // the figure is known, and to show that a refusal is then told, not silent.
    topicFill('topic-table fill by 40 addresses: 8 connections x 32 topics each', range('127.0.6', 40), 320, 32),
  ];
}
