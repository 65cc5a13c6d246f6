// Limits that keep one abusive or broken client from exhausting a signaling server, with
// defaults sized for y-webrtc's full mesh of about 30 peers per room.
import { z } from 'zod';

export interface SignalingLimits {
  /** Largest accepted WebSocket message; larger ones close the connection (1009). */
  readonly maxMessageBytes: number;
  readonly maxTopicsPerConnection: number;
  /** Across all connections, so a few clients cannot grow the topic map without bound. */
  readonly maxTopics: number;
  readonly maxTopicLength: number;
  readonly maxConnections: number;
  /** Token bucket refill rate per connection. */
  readonly messagesPerSecond: number;
  /** Token bucket size: a joiner in a 30-peer room sends offers and ICE candidates in a burst. */
  readonly messageBurst: number;
  /** Messages dropped for rate within 10 s before the connection is closed as abusive. */
  readonly maxDropsBeforeClose: number;
  /** A connection with no message and no pong for this long is terminated. */
  readonly idleTimeoutMs: number;
  /** A receiver whose send buffer exceeds this is too slow and is dropped instead of buffering. */
  readonly maxBufferedBytes: number;
}

export const defaultSignalingLimits: SignalingLimits = Object.freeze({
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 32,
  maxTopics: 10_000,
  maxTopicLength: 256,
  maxConnections: 1_000,
  messagesPerSecond: 50,
  messageBurst: 300,
  maxDropsBeforeClose: 200,
  idleTimeoutMs: 60_000,
  maxBufferedBytes: 4 * 1024 * 1024,
});

const positiveInt = z.number().int().positive().max(2 ** 31);

export const signalingLimitsSchema = z.strictObject({
  maxMessageBytes: positiveInt.min(256).optional(),
  maxTopicsPerConnection: positiveInt.optional(),
  maxTopics: positiveInt.optional(),
  maxTopicLength: positiveInt.optional(),
  maxConnections: positiveInt.optional(),
  messagesPerSecond: positiveInt.optional(),
  messageBurst: positiveInt.optional(),
  maxDropsBeforeClose: positiveInt.optional(),
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
