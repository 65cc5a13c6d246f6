// Test helper: a raw ws client that records what it receives, with bounded waits.
import { WebSocket } from 'ws';

export interface TestClient {
  readonly ws: WebSocket;
  readonly received: unknown[];
  send(message: unknown): void;
  sendRaw(data: string | Buffer): void;
  /** Resolves with the first received message (from now on or already received) matching. */
  next(match: (m: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number }>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  readonly autoPong?: boolean;
  /** A 127.x.y.z source address: on Linux all of 127.0.0.0/8 is loopback, so each is a
   * distinct client address to the server. */
  readonly localAddress?: string;
  readonly headers?: Record<string, string>;
  /** For wss:// to a server with a self-signed certificate: trust exactly this one. */
  readonly ca?: string;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<TestClient> {
  const ws = new WebSocket(url, {
    autoPong: options.autoPong ?? true,
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.ca ? { ca: options.ca, servername: 'localhost' } : {}),
  });
  const received: unknown[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    try {
      received.push(JSON.parse(data.toString()));
    } catch {
      received.push(data.toString());
    }
    for (const w of [...waiters]) w();
  });
  ws.on('error', () => {});
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const isRecord = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;
  return {
    ws,
    received,
    closed,
    send: (m) => ws.send(JSON.stringify(m)),
    sendRaw: (d) => ws.send(d),
    next(match, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < received.length; seen++) {
            const m = received[seen];
            if (isRecord(m) && match(m)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(m);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('timed out waiting for message'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a condition with a bounded number of tries. */
export async function eventually(cond: () => boolean, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(10);
  }
}

/** A well-behaved pair: two clients from one address join a fresh room and one publish gets
 * through. What a user notices: the room finds its peer. Resolves with the time it took. */
export async function pairRoundTrip(url: string, localAddress: string, room: string, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  const a = await connect(url, { localAddress });
  const b = await connect(url, { localAddress });
  try {
    a.send({ type: 'subscribe', topics: [room] });
    b.send({ type: 'subscribe', topics: [room] });
    // Publish until it arrives: a subscribe and a publish from two sockets may race.
    const publishing = setInterval(() => a.send({ type: 'publish', topic: room, data: 'hello' }), 50);
    try {
      await b.next((m) => m.type === 'publish' && m.data === 'hello' && m.clients === 2, timeoutMs);
    } finally {
      clearInterval(publishing);
    }
    return Date.now() - started;
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
