// Clients for the hostile-load benchmark: plain WebSocket and TCP clients bound to chosen
// 127.x.y.z source addresses (all loopback on Linux), so the server sees distinct addresses,
// and the well-behaved pair whose round trip the benchmark reports.
import { connect as tcpConnect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

export interface BenchSocket {
  readonly ws: WebSocket;
  /** Every small message received (control messages, the pair's), parsed. */
  readonly received: Record<string, unknown>[];
  receivedBytes: number;
}

/** Opens a WebSocket from `localAddress`; resolves with it, or with why it was refused. */
export function openWs(url: string, localAddress: string, timeoutMs = 10_000): Promise<BenchSocket | string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { localAddress });
    const socket: BenchSocket = { ws, received: [], receivedBytes: 0 };
    const timer = setTimeout(() => {
      ws.terminate();
      resolve('timeout');
    }, timeoutMs);
    ws.on('message', (data: Buffer) => {
      socket.receivedBytes += data.length;
      // Floods are counted, not parsed: the benchmark's own CPU must not be what it measures.
      if (data.length > 4_096) return;
      try {
        socket.received.push(JSON.parse(data.toString()) as Record<string, unknown>);
      } catch {
        // not JSON: not from our server
      }
    });
    ws.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      ws.terminate();
      resolve(`HTTP ${res.statusCode}`);
    });
    ws.on('error', (e) => {
      clearTimeout(timer);
      resolve(e.message.split('\n')[0] ?? 'error');
    });
  });
}

/** Opens `count` WebSockets in batches (so the benchmark measures the server, not its own
 * connect storm); returns the open ones and a tally of refusals. */
export async function openMany(url: string, addresses: readonly string[], count: number): Promise<{ open: BenchSocket[]; refused: Map<string, number> }> {
  const open: BenchSocket[] = [];
  const refused = new Map<string, number>();
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => openWs(url, addresses[(i + j) % addresses.length]!));
    for (const r of await Promise.all(batch)) {
      if (typeof r === 'string') refused.set(r, (refused.get(r) ?? 0) + 1);
      else open.push(r);
    }
  }
  return { open, refused };
}

export function tally(refused: Map<string, number>): string {
  return [...refused].map(([why, n]) => `${n} ${why}`).join(', ') || 'none';
}

/** Sends a ping and waits for the pong: everything sent before it has been handled. */
export async function settled(s: BenchSocket, timeoutMs = 10_000): Promise<void> {
  const before = s.received.length;
  s.ws.send(JSON.stringify({ type: 'ping' }));
  const until = performance.now() + timeoutMs;
  while (!s.received.slice(before).some((m) => m.type === 'pong') && performance.now() < until && s.ws.readyState === WebSocket.OPEN) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function closeAll(sockets: readonly BenchSocket[]): void {
  for (const s of sockets) s.ws.terminate();
}

/** A half-open socket: a request line and one header, then a header line a second, never done. */
export function slowSocket(port: number, localAddress: string): { socket: Socket; openedAt: number; closedAt: Promise<number> } {
  const socket = tcpConnect({ port, host: '127.0.0.1', localAddress });
  const openedAt = performance.now();
  let drip: NodeJS.Timeout | undefined;
  socket.on('error', () => {});
  socket.once('connect', () => {
    socket.write('GET / HTTP/1.1\r\nHost: signaling\r\n');
    drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 1_000);
  });
  const closedAt = new Promise<number>((resolve) => socket.once('close', () => {
    clearInterval(drip);
    resolve(performance.now());
  }));
  return { socket, openedAt, closedAt };
}

/** The well-behaved pair: two clients from one address connect, join a fresh room, and one
 * publish reaches the other. Resolves with the milliseconds that took, or why it failed. */
export async function pairRoundTrip(url: string, localAddress: string, room: string, timeoutMs = 10_000): Promise<number | string> {
  const started = performance.now();
  const [a, b] = await Promise.all([openWs(url, localAddress, timeoutMs), openWs(url, localAddress, timeoutMs)]);
  try {
    if (typeof a === 'string' || typeof b === 'string') return `connect: ${typeof a === 'string' ? a : b}`;
    a.ws.send(JSON.stringify({ type: 'subscribe', topics: [room] }));
    b.ws.send(JSON.stringify({ type: 'subscribe', topics: [room] }));
    const until = started + timeoutMs;
    let next = 0;
    while (performance.now() < until) {
      const refusal = [...a.received, ...b.received].find((m) => m.type === 'subscribe-refused');
      if (refusal) return `subscribe refused (${String(refusal.reason)})`;
      if (b.received.some((m) => m.type === 'publish' && m.data === 'hello' && m.clients === 2)) return performance.now() - started;
      if (performance.now() >= next) {
        a.ws.send(JSON.stringify({ type: 'publish', topic: room, data: 'hello' }));
        next = performance.now() + 20;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    return 'no publish within the timeout';
  } finally {
    for (const s of [a, b]) if (typeof s !== 'string') s.ws.terminate();
  }
}
