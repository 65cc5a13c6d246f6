// The bus over Redis pub/sub (`bridgeboard signal --redis URL`): any number of instances share
// rooms through one Redis. One channel per topic, `<prefix>room:<SHA-256 of the topic>`, so an
// instance hears only rooms it has clients in and channel names have a fixed length; the topic
// itself travels inside the envelope. Redis is where the instances meet, never where they
// depend on: while it is away each instance keeps serving its own clients, holds what they
// publish in a bounded queue (busLimits), reconnects with backoff and logs that it is down;
// once back it subscribes again and sends what is still fresh.
import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { decodeEnvelope, encodeEnvelope } from './busEnvelope';
import { emptyBusStats, type BusLimits, type BusMessage, type BusStats, type SignalingBus } from './signalingBus';
import { throttleWarnings, type SignalingLogger } from './signalingLog';

export interface RedisBusOptions {
  /** redis://[user:password@]host[:port][/db], or rediss:// for TLS. */
  readonly url: string;
  /** Channel prefix, so several deployments can share one Redis. */
  readonly prefix: string;
  readonly limits: BusLimits;
  readonly maxTopicLength: number;
  readonly log: SignalingLogger;
  readonly now?: () => number;
  /** How long start-up waits for a slow Redis before serving without it (and reconnecting);
   * an error (refused, unreachable) ends the wait at once. */
  readonly startupWaitMs?: number;
  /** Longest wait between reconnection attempts. */
  readonly maxRetryDelayMs?: number;
}

export class RedisBusError extends Error {}

export const defaultRedisPrefix = 'bridgeboard:';
const subscribeChunk = 500;

export const isAuthError = (e: Error) => /WRONGPASS|NOAUTH|invalid (username-)?password|NOPERM/i.test(e.message);

/** The URL without its password, for a log line or the console. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparseable)';
  }
}

/** The ioredis options every Bridgeboard connection uses: no ioredis offline queue (ours are
 * bounded, or the caller hears 'unavailable' at once), reconnection with capped backoff. */
export function redisClientOptions(connectionName: string, maxRetryDelayMs: number) {
  return {
    lazyConnect: true,
    // Our own bounded queue holds publishes while Redis is away; ioredis's would be unbounded.
    enableOfflineQueue: false,
    // We subscribe again ourselves on 'ready', from the set of topics we hold right now.
    autoResubscribe: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    connectionName,
    retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times - 1, 10), maxRetryDelayMs) + Math.floor(Math.random() * 100),
  };
}

export function channelFor(prefix: string, topic: string): string {
  return `${prefix}room:${createHash('sha256').update(topic).digest('base64url')}`;
}

interface Held {
  readonly channel: string;
  readonly data: Buffer;
  readonly at: number;
}

export async function createRedisBus(options: RedisBusOptions): Promise<SignalingBus> {
  const { limits, prefix, maxTopicLength } = options;
  const now = options.now ?? Date.now;
  const log = throttleWarnings(options.log, now);
  const instance = randomBytes(9).toString('base64url');
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
  const stats: { -readonly [K in keyof BusStats]: BusStats[K] } = emptyBusStats(0);
  const clientOptions = redisClientOptions('bridgeboard-signal', maxRetryDelayMs);
  const pub = new Redis(options.url, clientOptions);
  const sub = new Redis(options.url, clientOptions);
  const joined = new Set<string>();
  const held: Held[] = [];
  let heldBytes = 0;
  let receive: ((message: BusMessage) => void) | undefined;
  let closed = false;
  let downSince: number | undefined = now();
  let everUp = false;
  let authFailed: Error | undefined;

  const isUp = () => pub.status === 'ready' && sub.status === 'ready';

  const send = (item: Held) => {
    pub.publish(item.channel, item.data).then(
      () => void stats.sent++,
      () => {
        // Lost on the way (Redis went away mid-command): held again, if still fresh. Refused by
        // a Redis that is up (an ACL without PUBLISH): dropped, and said.
        if (pub.status !== 'ready') return hold(item);
        stats.droppedQueue++;
        log.warn('signaling.bus.publishRefused');
      },
    );
  };

  const hold = (item: Held) => {
    if (closed) return;
    if (now() - item.at > limits.maxQueueAgeMs) {
      stats.droppedQueue++;
      return;
    }
    held.push(item);
    heldBytes += item.data.length;
    while (held.length > limits.maxQueuedMessages || heldBytes > limits.maxQueuedBytes) {
      const dropped = held.shift();
      if (!dropped) break;
      heldBytes -= dropped.data.length;
      stats.droppedQueue++;
      log.warn('signaling.bus.queueFull', { queued: held.length, maxQueuedMessages: limits.maxQueuedMessages });
    }
  };

  const flush = () => {
    const items = held.splice(0);
    heldBytes = 0;
    const t = now();
    for (const item of items) {
      if (t - item.at > limits.maxQueueAgeMs) stats.droppedQueue++;
      else send(item);
    }
  };

  const onReady = () => {
    if (!isUp()) return;
    if (downSince !== undefined) {
      if (everUp) stats.reconnects++;
      log.info(everUp ? 'signaling.bus.up' : 'signaling.bus.connected', {
        downMs: everUp ? now() - downSince : 0,
        queued: held.length,
        droppedQueue: stats.droppedQueue,
        topics: joined.size,
      });
      downSince = undefined;
      everUp = true;
    }
    flush();
  };

  const onDown = (delayMs?: number) => {
    if (closed) return;
    downSince ??= now();
    log.warn('signaling.bus.down', {
      downMs: now() - downSince,
      ...(delayMs === undefined ? {} : { retryInMs: delayMs }),
      queued: held.length,
      droppedQueue: stats.droppedQueue,
    });
  };

  for (const client of [pub, sub]) {
    client.on('error', (e: Error & { code?: unknown }) => {
      if (isAuthError(e)) {
        authFailed = e;
        log.warn('signaling.bus.authFailed');
        return;
      }
      const code = typeof e.code === 'string' && /^[A-Z_]{2,32}$/.test(e.code) ? `.${e.code}` : '';
      log.warn(`signaling.bus.error${code}`);
    });
    client.on('close', () => onDown());
    client.on('reconnecting', (delayMs: unknown) => onDown(typeof delayMs === 'number' ? delayMs : undefined));
  }
  pub.on('ready', onReady);
  sub.on('ready', () => {
    // A fresh connection holds no subscriptions: ask again for every topic we hold now.
    const channels = [...joined];
    for (let i = 0; i < channels.length; i += subscribeChunk) sub.subscribe(...channels.slice(i, i + subscribeChunk)).catch(() => undefined);
    onReady();
  });
  sub.on('messageBuffer', (_channel: Buffer, data: Buffer) => {
    const decoded = decodeEnvelope(data, limits.maxBusMessageBytes, maxTopicLength);
    if (!decoded.ok) {
      if (decoded.reason === 'oversized') stats.droppedOversized++;
      else stats.droppedMalformed++;
      return;
    }
    // Our own publishes come back to us too; they were delivered locally already.
    if (decoded.message.sender.instance === instance) return;
    stats.received++;
    receive?.(decoded.message);
  });

  // Start-up: wait a moment for Redis, then serve with or without it. A wrong password is a
  // wrong configuration, not an outage: that stops the start.
  const startupWaitMs = options.startupWaitMs ?? 5_000;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, startupWaitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const check = () => {
      if (isUp()) done();
    };
    pub.on('ready', check);
    sub.on('ready', check);
    // Refused or unreachable: no reason to keep clients waiting; reconnecting goes on.
    pub.once('error', done);
    sub.once('error', done);
    pub.connect().catch(() => undefined);
    sub.connect().catch(() => undefined);
  });
  if (authFailed) {
    pub.disconnect();
    sub.disconnect();
    throw new RedisBusError(`Redis refused the credentials in the URL (${authFailed.message.split('\n')[0]?.slice(0, 120)})`);
  }
  if (!isUp()) onDown();

  return {
    instance,
    shared: true,
    join(topic) {
      const channel = channelFor(prefix, topic);
      if (joined.has(channel)) return;
      joined.add(channel);
      if (sub.status === 'ready') sub.subscribe(channel).catch(() => undefined);
    },
    leave(topic) {
      const channel = channelFor(prefix, topic);
      if (!joined.delete(channel)) return;
      if (sub.status === 'ready') sub.unsubscribe(channel).catch(() => undefined);
    },
    publish(message) {
      const data = encodeEnvelope(message);
      if (data.length > limits.maxBusMessageBytes) {
        stats.droppedOversized++;
        log.warn('signaling.bus.oversized', { bytes: data.length, maxBusMessageBytes: limits.maxBusMessageBytes });
        return;
      }
      const item = { channel: channelFor(prefix, message.topic), data, at: now() };
      if (pub.status === 'ready') send(item);
      else hold(item);
    },
    onMessage(r) {
      receive = r;
    },
    stats: () => ({ ...stats, up: isUp() ? 1 : 0, queued: held.length }),
    async close() {
      closed = true;
      held.length = 0;
      // QUIT politely, but never wait long on a Redis that has stopped answering.
      await Promise.race([Promise.allSettled([pub.quit(), sub.quit()]), new Promise((r) => setTimeout(r, 1_000).unref())]);
      pub.disconnect();
      sub.disconnect();
    },
  };
}
