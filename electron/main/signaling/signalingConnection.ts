// One client connection: rate limiting, liveness and dispatch of y-webrtc signaling messages,
// each checked against the limits before it costs the server anything.
import type { RawData, WebSocket } from 'ws';
import { WebSocket as WS } from 'ws';
import type { AddressLedger } from './addressLedger';
import type { InviteDrop } from '../inviteDrop/inviteDropService';
import type { Deliver } from './delivery';
import type { OutBudgets } from './outBudgets';
import type { SignalingLimits } from './signalingLimits';
import type { StatsCounters } from './signalingStats';
import type { SubscribeRefusal, Subscriptions } from './subscriptions';
import type { TopicFanOut } from './topicFanOut';
import { createTokenBucket } from './tokenBucket';
import { parseClientMessage, pongMessage, subscribeRefusedFrame } from './signalingProtocol';

export interface ConnectionContext {
  readonly limits: SignalingLimits;
  readonly subscriptions: Subscriptions<WebSocket>;
  readonly fanOut: TopicFanOut;
  readonly budgets: OutBudgets;
  readonly ledger: AddressLedger;
  readonly deliver: Deliver;
  readonly counters: StatsCounters;
  readonly now: () => number;
  /** A throttled warning, counts only: never the address, a topic or a payload. */
  readonly warn: (event: string) => void;
  /** Sealed invites for short codes; null when this server keeps none. */
  readonly invites: InviteDrop | null;
  /** A fresh pseudonym for a connection, what a shared bus names it by. */
  readonly newConnectionId: () => string;
}

const dropWindowMs = 10_000;
/** `,"clients":NNNN` and slack: what the fan-out adds to a publish before sending it. */
const frameOverhead = 24;

export interface ConnectionState {
  lastSeen: number;
}

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return data;
}

function send(ctx: ConnectionContext, ws: WebSocket, frame: string): void {
  ctx.deliver(ws, frame, Buffer.byteLength(frame));
}

function subscribe(ctx: ConnectionContext, ws: WebSocket, address: string, topics: readonly string[]): void {
  const { limits, counters } = ctx;
  const refused = new Map<SubscribeRefusal, string[]>();
  for (const topic of topics) {
    if (topic.length === 0 || topic.length > limits.maxTopicLength) {
      // Malformed rather than refused: not echoed back, it may be as long as a message.
      counters.dropped.topicTooLong++;
      continue;
    }
    const refusal = ctx.subscriptions.subscribe(ws, address, topic);
    if (refusal === undefined) continue;
    counters.dropped[refusal]++;
    ctx.warn(`subscribeRefused.${refusal}`);
    const list = refused.get(refusal);
    if (list) list.push(topic);
    else refused.set(refusal, [topic]);
  }
  // A refusal is never silent: the client hears which topics and why.
  for (const [reason, list] of refused) send(ctx, ws, subscribeRefusedFrame(reason, list));
}

export function attachConnection(ctx: ConnectionContext, ws: WebSocket, address: string): ConnectionState {
  const { limits, counters } = ctx;
  const state: ConnectionState = { lastSeen: ctx.now() };
  const bucket = createTokenBucket(limits.messagesPerSecond, limits.messageBurst, ctx.now);
  const outBudget = ctx.budgets.forConnection();
  const connectionId = ctx.newConnectionId();
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
      ctx.warn('oversized');
    } else {
      counters.closed.error++;
    }
  });
  ws.on('close', () => ctx.subscriptions.removeConnection(ws, address));
  ws.on('message', (data: RawData) => {
    state.lastSeen = ctx.now();
    const bytes = toBuffer(data);
    counters.messagesIn++;
    counters.bytesIn += bytes.length;
    if (!bucket.take()) {
      counters.dropped.rateLimited++;
      if (state.lastSeen - dropWindowStart > dropWindowMs) {
        dropWindowStart = state.lastSeen;
        rateDrops = 0;
      }
      if (++rateDrops >= limits.maxDropsBeforeClose && ws.readyState === WS.OPEN) {
        counters.closed.rateLimit++;
        ctx.warn('rateLimit');
        ws.close(1008, 'rate limit');
      }
      return;
    }
    const parsed = parseClientMessage(bytes.toString('utf8'));
    if (!parsed.ok) {
      counters.dropped.malformed++;
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'subscribe':
        subscribe(ctx, ws, address, msg.topics);
        break;
      case 'unsubscribe':
        for (const topic of msg.topics) ctx.subscriptions.unsubscribe(ws, address, topic);
        break;
      case 'publish': {
        if (msg.topic.length > limits.maxTopicLength) {
          counters.dropped.topicTooLong++;
          break;
        }
        const audience = ctx.fanOut.audience(msg.topic);
        if (audience === 0) break;
        // Charged before anything is serialised or sent: what the sender's bytes would cost.
        const refusal = ctx.budgets.charge((bytes.length + frameOverhead) * audience, outBudget, ctx.ledger.entry(address).out, msg.topic);
        if (refusal) {
          counters.dropped[refusal]++;
          ctx.warn(`publishDropped.${refusal}`);
          break;
        }
        counters.published++;
        ctx.fanOut.publish(msg.topic, msg.message, { connection: connectionId, address: ctx.ledger.entry(address).pseudonym });
        break;
      }
      case 'ping':
        send(ctx, ws, pongMessage);
        break;
      case 'invite':
        if (!ctx.invites) {
          send(ctx, ws, JSON.stringify({ type: 'invite-refused', id: '', reason: 'unavailable' }));
          break;
        }
        void ctx.invites.handle(msg.body, address).then((frame) => {
          if (ws.readyState === WS.OPEN) send(ctx, ws, frame);
        });
        break;
    }
  });
  return state;
}
