// The bus that lets several signaling instances share rooms: each instance admits and charges
// what its own clients publish, delivers it to its own subscribers, and hands it to the bus once;
// the bus brings it to every other instance with a subscriber on that topic, which delivers it
// to its own subscribers under its own budgets (busFanOut.ts). Payloads stay opaque: a publish is
// carried as the client sent it (parsed only as far as `type` and `topic`).
// Two kinds: the in-process bus (localBus.ts, the default: one instance, or several in one
// process) and Redis pub/sub (redisBus.ts, `--redis URL`).

/** Who published, as pseudonyms local to the sending instance: never an address. The
 * receiving instance charges them its own budgets, as it would its own clients. */
export interface BusSender {
  readonly instance: string;
  readonly connection: string;
  readonly address: string;
}

export interface BusMessage {
  readonly topic: string;
  /** The client's publish, untouched (without `clients`, which each instance adds). */
  readonly message: Record<string, unknown>;
  readonly sender: BusSender;
  /** Its encoded size, as received: what delivering it is charged on. */
  readonly bytes?: number;
}

export interface BusStats {
  /** 1 while the bus reaches the other instances (always 1 for the in-process bus). */
  readonly up: number;
  /** Publishes handed to the other instances. */
  readonly sent: number;
  /** Publishes received from other instances. */
  readonly received: number;
  /** Publishes held while the bus is down, to be sent when it is back. */
  readonly queued: number;
  /** Publishes lost: the queue was full or they had waited too long. */
  readonly droppedQueue: number;
  /** Publishes larger than `maxBusMessageBytes`, either way. */
  readonly droppedOversized: number;
  /** Received messages that were not a well-formed publish. */
  readonly droppedMalformed: number;
  /** Times the bus came back after being down. */
  readonly reconnects: number;
}

export interface SignalingBus {
  /** This instance's id on the bus, random per start; the sender of what it publishes. */
  readonly instance: string;
  /** Whether other instances may be listening: a publish is then forwarded even when no local
   * connection subscribes, and costs one more receiver (the bus). */
  readonly shared: boolean;
  /** Start or stop hearing a topic from other instances (first local subscriber, last gone). */
  join(topic: string): void;
  leave(topic: string): void;
  /** Hands an admitted publish to the other instances, once. Never throws: a message it cannot
   * carry is dropped and counted. */
  publish(message: BusMessage): void;
  /** Where messages from other instances go; one receiver, set once by the server. */
  onMessage(receive: (message: BusMessage) => void): void;
  stats(): BusStats;
  close(): Promise<void>;
}

export interface BusLimits {
  /** Largest encoded message carried either way; larger ones are dropped and counted. */
  readonly maxBusMessageBytes: number;
  /** Publishes held while the bus is down; beyond it the oldest are dropped. */
  readonly maxQueuedMessages: number;
  readonly maxQueuedBytes: number;
  /** A held publish older than this is dropped when the bus returns: a WebRTC offer that old
   * is useless, and y-webrtc announces itself again anyway. */
  readonly maxQueueAgeMs: number;
}

export const defaultBusLimits: BusLimits = Object.freeze({
  // The largest client message (64 KiB by default) plus the envelope; see busLimitsFor.
  maxBusMessageBytes: 64 * 1024 + 4096,
  maxQueuedMessages: 2_000,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxQueueAgeMs: 10_000,
});

/** Bus limits that fit the server's: the biggest message a client may send, plus the envelope
 * (ids and the topic, which may be escaped to six bytes a character). */
export function busLimitsFor(maxMessageBytes: number, maxTopicLength: number, overrides: Partial<BusLimits> = {}): BusLimits {
  return Object.freeze({ ...defaultBusLimits, maxBusMessageBytes: maxMessageBytes + 6 * maxTopicLength + 1024, ...overrides });
}

export function emptyBusStats(up: number): BusStats {
  return { up, sent: 0, received: 0, queued: 0, droppedQueue: 0, droppedOversized: 0, droppedMalformed: 0, reconnects: 0 };
}
