// One client connection: rate limiting, liveness and dispatch of y-webrtc signaling messages.
import type { RawData, WebSocket } from 'ws';
import { WebSocket as WS } from 'ws';
import type { SignalingLimits } from './signalingLimits';
import type { StatsCounters } from './signalingStats';
import type { TopicRegistry } from './topicRegistry';
import { createTokenBucket } from './tokenBucket';
import { parseClientMessage, pongMessage, publishFrame } from './signalingProtocol';

export interface ConnectionContext {
  readonly limits: SignalingLimits;
  readonly registry: TopicRegistry<WebSocket>;
  readonly counters: StatsCounters;
  readonly now: () => number;
  readonly onAbuse: (reason: 'rateLimit' | 'backpressure' | 'oversized') => void;
}

const dropWindowMs = 10_000;

export interface ConnectionState {
  lastSeen: number;
}

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** Sends to a receiver unless it is gone or too slow; a slow receiver is cut, not buffered for. */
function deliver(ctx: ConnectionContext, receiver: WebSocket, frame: string): void {
  if (receiver.readyState !== WS.OPEN) return;
  if (receiver.bufferedAmount > ctx.limits.maxBufferedBytes) {
    ctx.counters.dropped.backpressure++;
    ctx.counters.closed.backpressure++;
    ctx.onAbuse('backpressure');
    receiver.terminate();
    return;
  }
  receiver.send(frame);
  ctx.counters.messagesOut++;
}

function subscribe(ctx: ConnectionContext, ws: WebSocket, topics: readonly string[]): void {
  const { registry, limits, counters } = ctx;
  for (const topic of topics) {
    if (topic.length === 0 || topic.length > limits.maxTopicLength) {
      counters.dropped.topicTooLong++;
    } else if (registry.isSubscribed(ws, topic)) {
      continue;
    } else if (registry.topicsOf(ws) >= limits.maxTopicsPerConnection || (!registry.has(topic) && registry.topicCount >= limits.maxTopics)) {
      counters.dropped.topicLimit++;
    } else {
      registry.subscribe(ws, topic);
    }
  }
}

export function attachConnection(ctx: ConnectionContext, ws: WebSocket): ConnectionState {
  const { limits, counters, registry } = ctx;
  const state: ConnectionState = { lastSeen: ctx.now() };
  const bucket = createTokenBucket(limits.messagesPerSecond, limits.messageBurst, ctx.now);
  // Drops are counted per window, so a long-lived client's occasional bursts never add up to a close.
  let rateDrops = 0;
  let dropWindowStart = ctx.now();

  ws.on('pong', () => {
    state.lastSeen = ctx.now();
  });
  ws.on('error', (err: Error & { code?: string }) => {
    // ws closes the socket itself after an error; we only count why.
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      counters.closed.oversized++;
      ctx.onAbuse('oversized');
    } else {
      counters.closed.error++;
    }
  });
  ws.on('close', () => registry.removeConnection(ws));
  ws.on('message', (data: RawData) => {
    state.lastSeen = ctx.now();
    counters.messagesIn++;
    if (!bucket.take()) {
      counters.dropped.rateLimited++;
      if (state.lastSeen - dropWindowStart > dropWindowMs) {
        dropWindowStart = state.lastSeen;
        rateDrops = 0;
      }
      if (++rateDrops >= limits.maxDropsBeforeClose && ws.readyState === WS.OPEN) {
        counters.closed.rateLimit++;
        ctx.onAbuse('rateLimit');
        ws.close(1008, 'rate limit');
      }
      return;
    }
    const parsed = parseClientMessage(toText(data));
    if (!parsed.ok) {
      counters.dropped.malformed++;
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'subscribe':
        subscribe(ctx, ws, msg.topics);
        break;
      case 'unsubscribe':
        for (const topic of msg.topics) registry.unsubscribe(ws, topic);
        break;
      case 'publish': {
        if (msg.topic.length > limits.maxTopicLength) {
          counters.dropped.topicTooLong++;
          break;
        }
        const receivers = registry.subscribers(msg.topic);
        if (!receivers) break;
        counters.published++;
        // Serialised once for all receivers: fan-out is the server's hot path.
        const frame = publishFrame(msg.message, receivers.size);
        for (const receiver of [...receivers]) deliver(ctx, receiver, frame);
        break;
      }
      case 'ping':
        deliver(ctx, ws, pongMessage);
        break;
    }
  });
  return state;
}
