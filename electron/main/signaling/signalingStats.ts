// Counters for the signaling server. Counts only: the server never records payloads, topic
// names (they carry room ids) or client addresses.
import type { BudgetRefusal } from './outBudgets';
import type { BusStats } from './signalingBus';
import type { SubscribeRefusal } from './subscriptions';

export type DropReason = 'malformed' | 'rateLimited' | 'topicTooLong' | 'backpressure' | SubscribeRefusal | BudgetRefusal;

/** serverFull: 503; addressFull: 429; addressHandshakes: the socket is closed unanswered. */
export type RefusalReason = 'serverFull' | 'addressFull' | 'addressHandshakes';

export type CloseReason = 'oversized' | 'rateLimit' | 'idle' | 'backpressure' | 'handshakeTimeout' | 'shutdown' | 'error';

export interface SignalingStats {
  readonly connections: number;
  readonly connectionsTotal: number;
  /** All refused connections; `refused` says why. */
  readonly connectionsRefused: number;
  /** Client addresses the server holds anything for (connections, sockets, spent budgets). */
  readonly addresses: number;
  readonly topics: number;
  readonly subscriptions: number;
  readonly messagesIn: number;
  readonly messagesOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly published: number;
  readonly refused: Readonly<Record<RefusalReason, number>>;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly closed: Readonly<Record<CloseReason, number>>;
  /** The bus shared with other instances (all but `up` zero when there are none). */
  readonly bus: BusStats;
}

export interface StatsCounters {
  connectionsTotal: number;
  connectionsRefused: number;
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
  published: number;
  refused: Record<RefusalReason, number>;
  dropped: Record<DropReason, number>;
  closed: Record<CloseReason, number>;
}

export function createStatsCounters(): StatsCounters {
  return {
    connectionsTotal: 0,
    connectionsRefused: 0,
    messagesIn: 0,
    messagesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    published: 0,
    refused: { serverFull: 0, addressFull: 0, addressHandshakes: 0 },
    dropped: {
      malformed: 0, rateLimited: 0, topicTooLong: 0, backpressure: 0,
      topicLimit: 0, addressTopics: 0, addressSubscribers: 0, topicTable: 0, topicSubscribers: 0,
      connectionBudget: 0, addressBudget: 0, topicBudget: 0,
    },
    closed: { oversized: 0, rateLimit: 0, idle: 0, backpressure: 0, handshakeTimeout: 0, shutdown: 0, error: 0 },
  };
}

/** A flat view for log lines, whose fields must all be numbers. */
export function flattenStats(stats: SignalingStats): Record<string, number> {
  const { refused, dropped, closed, bus, ...numbers } = stats;
  const flat: Record<string, number> = { ...numbers };
  for (const [k, v] of Object.entries(refused)) flat[`refused.${k}`] = v;
  for (const [k, v] of Object.entries(dropped)) flat[`dropped.${k}`] = v;
  for (const [k, v] of Object.entries(closed)) flat[`closed.${k}`] = v;
  for (const [k, v] of Object.entries(bus)) flat[`bus.${k}`] = v;
  return flat;
}
