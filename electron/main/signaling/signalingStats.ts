// Counters for the signaling server. Counts only: the server never records payloads, topic
// names (they carry room ids) or client addresses.

export type DropReason =
  | 'malformed'
  | 'rateLimited'
  | 'topicTooLong'
  | 'topicLimit'
  | 'backpressure';

export type CloseReason = 'oversized' | 'rateLimit' | 'idle' | 'backpressure' | 'shutdown' | 'error';

export interface SignalingStats {
  readonly connections: number;
  readonly connectionsTotal: number;
  readonly connectionsRefused: number;
  readonly topics: number;
  readonly subscriptions: number;
  readonly messagesIn: number;
  readonly messagesOut: number;
  readonly published: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly closed: Readonly<Record<CloseReason, number>>;
}

export interface StatsCounters {
  connectionsTotal: number;
  connectionsRefused: number;
  messagesIn: number;
  messagesOut: number;
  published: number;
  dropped: Record<DropReason, number>;
  closed: Record<CloseReason, number>;
}

export function createStatsCounters(): StatsCounters {
  return {
    connectionsTotal: 0,
    connectionsRefused: 0,
    messagesIn: 0,
    messagesOut: 0,
    published: 0,
    dropped: { malformed: 0, rateLimited: 0, topicTooLong: 0, topicLimit: 0, backpressure: 0 },
    closed: { oversized: 0, rateLimit: 0, idle: 0, backpressure: 0, shutdown: 0, error: 0 },
  };
}

/** A flat view for log lines, whose fields must all be numbers. */
export function flattenStats(stats: SignalingStats): Record<string, number> {
  const flat: Record<string, number> = {
    connections: stats.connections,
    connectionsTotal: stats.connectionsTotal,
    connectionsRefused: stats.connectionsRefused,
    topics: stats.topics,
    subscriptions: stats.subscriptions,
    messagesIn: stats.messagesIn,
    messagesOut: stats.messagesOut,
    published: stats.published,
  };
  for (const [k, v] of Object.entries(stats.dropped)) flat[`dropped.${k}`] = v;
  for (const [k, v] of Object.entries(stats.closed)) flat[`closed.${k}`] = v;
  return flat;
}
