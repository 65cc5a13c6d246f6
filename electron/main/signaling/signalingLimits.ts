// Limits that keep one abusive or broken client from exhausting a signaling server, with
// defaults sized for y-webrtc's full mesh of about 30 peers per room. Per-address limits give
// every client address (one machine, or one company NAT) a fair share and never the whole
// server; the global ones bound the server itself.
import { z } from 'zod';

export interface SignalingLimits {
  /** Largest accepted WebSocket message; larger ones close the connection (1009). */
  readonly maxMessageBytes: number;
  readonly maxTopicsPerConnection: number;
  /** Distinct topics the connections of one address may hold: a share of the topic table. */
  readonly maxTopicsPerAddress: number;
  /** Across all connections, so a few clients cannot grow the topic map without bound. */
  readonly maxTopics: number;
  readonly maxTopicLength: number;
  /** Subscribers of one topic: a room of 30 with room for observers and second tabs. */
  readonly maxSubscribersPerTopic: number;
  /** Subscribers of one topic from one address: a whole company behind one NAT in one room. */
  readonly maxSubscribersPerTopicPerAddress: number;
  readonly maxConnections: number;
  /** Open WebSocket connections from one address, well below `maxConnections`. */
  readonly maxConnectionsPerAddress: number;
  /** Sockets from one address that are not (yet) WebSockets: half-open handshakes, plain HTTP. */
  readonly maxHandshakesPerAddress: number;
  /** A socket that has not become a WebSocket within this time is cut (slowloris). */
  readonly handshakeTimeoutMs: number;
  /** Token bucket refill rate per connection. */
  readonly messagesPerSecond: number;
  /** Token bucket size: a joiner in a 30-peer room sends offers and ICE candidates in a burst. */
  readonly messageBurst: number;
  /** Messages dropped for rate within 10 s before the connection is closed as abusive. */
  readonly maxDropsBeforeClose: number;
  /** Bytes a connection's publishes may make the server send (frame size x receivers), per second. */
  readonly outBytesPerSecond: number;
  /** The same for all connections of one address together. */
  readonly outBytesPerSecondPerAddress: number;
  /** The same for all publishers of one topic together. */
  readonly outBytesPerSecondPerTopic: number;
  /** Each outgoing-byte budget holds this many seconds of its rate, for joining bursts. */
  readonly outBurstSeconds: number;
  /** A connection with no message and no pong for this long is terminated. */
  readonly idleTimeoutMs: number;
  /** A receiver whose send buffer exceeds this is too slow and is dropped instead of buffering. */
  readonly maxBufferedBytes: number;
}

const MiB = 1024 * 1024;

export const defaultSignalingLimits: SignalingLimits = Object.freeze({
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 32,
  maxTopicsPerAddress: 256,
  maxTopics: 10_000,
  maxTopicLength: 256,
  maxSubscribersPerTopic: 100,
  maxSubscribersPerTopicPerAddress: 50,
  maxConnections: 1_000,
  maxConnectionsPerAddress: 100,
  maxHandshakesPerAddress: 32,
  handshakeTimeoutMs: 10_000,
  messagesPerSecond: 50,
  messageBurst: 300,
  maxDropsBeforeClose: 200,
  // 8 s of burst at 1 MiB/s lets the largest message (64 KiB) reach a full topic (100) at once.
  outBytesPerSecond: MiB,
  outBytesPerSecondPerAddress: 8 * MiB,
  outBytesPerSecondPerTopic: 4 * MiB,
  outBurstSeconds: 8,
  idleTimeoutMs: 60_000,
  maxBufferedBytes: 4 * MiB,
});

const positiveInt = z.number().int().positive().max(2 ** 31);

export const signalingLimitsSchema = z.strictObject({
  maxMessageBytes: positiveInt.min(256).optional(),
  maxTopicsPerConnection: positiveInt.optional(),
  maxTopicsPerAddress: positiveInt.optional(),
  maxTopics: positiveInt.optional(),
  maxTopicLength: positiveInt.optional(),
  maxSubscribersPerTopic: positiveInt.optional(),
  maxSubscribersPerTopicPerAddress: positiveInt.optional(),
  maxConnections: positiveInt.optional(),
  maxConnectionsPerAddress: positiveInt.optional(),
  maxHandshakesPerAddress: positiveInt.optional(),
  handshakeTimeoutMs: positiveInt.min(50).max(600_000).optional(),
  messagesPerSecond: positiveInt.optional(),
  messageBurst: positiveInt.optional(),
  maxDropsBeforeClose: positiveInt.optional(),
  outBytesPerSecond: positiveInt.min(1024).optional(),
  outBytesPerSecondPerAddress: positiveInt.min(1024).optional(),
  outBytesPerSecondPerTopic: positiveInt.min(1024).optional(),
  outBurstSeconds: positiveInt.max(3_600).optional(),
  idleTimeoutMs: positiveInt.min(10).optional(),
  maxBufferedBytes: positiveInt.optional(),
});

export type SignalingLimitsInput = z.infer<typeof signalingLimitsSchema>;

/** Merges overrides onto the defaults; throws a ZodError on nonsense (negative, fractional). */
export function resolveSignalingLimits(input: unknown = {}): SignalingLimits {
  const parsed = signalingLimitsSchema.parse(input);
  const merged: Record<string, number> = { ...defaultSignalingLimits };
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined) merged[key] = value;
  }
  return Object.freeze(merged as unknown as SignalingLimits);
}
