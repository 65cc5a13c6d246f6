// Fan-out across instances. What this instance's clients publish (admitted and charged by
// signalingConnection.ts) goes to its own subscribers and, once, to the bus. What the bus brings
// from other instances is delivered to this instance's subscribers under this instance's own
// outgoing-byte budgets: the topic's, plus one per remote connection and remote address (keyed
// by the sender's pseudonyms), sized as for local clients. So every instance bounds what it
// sends exactly as it does alone, and a bus message is never forwarded again.
import type { OutBudgets } from './outBudgets';
import type { SignalingBus } from './signalingBus';
import type { StatsCounters } from './signalingStats';
import type { TopicFanOut } from './topicFanOut';
import type { TokenBucket } from './tokenBucket';

/** What publishFrame adds (`,"clients":NNNN`) and slack, as for a local publish. */
const frameOverhead = 24;
/** Budgets kept for remote senders; beyond this (after pruning) a new sender's publish is dropped. */
const maxRemoteSenders = 50_000;

export interface BusFanOut extends TopicFanOut {
  /** Forgets remote senders' budgets that have refilled. */
  prune(): void;
}

export interface BusFanOutDeps {
  readonly local: TopicFanOut;
  readonly bus: SignalingBus;
  readonly budgets: OutBudgets;
  readonly counters: StatsCounters;
  readonly warn: (event: string) => void;
}

export function createBusFanOut({ local, bus, budgets, counters, warn }: BusFanOutDeps): BusFanOut {
  const remote = new Map<string, TokenBucket>();
  const budgetOf = (key: string, make: () => TokenBucket): TokenBucket | undefined => {
    let bucket = remote.get(key);
    if (bucket) return bucket;
    if (remote.size >= maxRemoteSenders) {
      prune();
      if (remote.size >= maxRemoteSenders) return undefined;
    }
    bucket = make();
    remote.set(key, bucket);
    return bucket;
  };
  const prune = () => {
    for (const [key, bucket] of remote) if (bucket.isFull()) remote.delete(key);
  };

  bus.onMessage(({ topic, message, sender, bytes }) => {
    const audience = local.audience(topic);
    if (audience === 0) return;
    const connection = budgetOf(`${sender.instance}/c/${sender.connection}`, budgets.forConnection);
    const address = budgetOf(`${sender.instance}/a/${sender.address}`, budgets.forAddress);
    if (!connection || !address) {
      counters.dropped.connectionBudget++;
      warn('busDropped.remoteSenders');
      return;
    }
    const size = bytes ?? Buffer.byteLength(JSON.stringify(message));
    const refusal = budgets.charge((size + frameOverhead) * audience, connection, address, topic);
    if (refusal) {
      counters.dropped[refusal]++;
      warn(`busDropped.${refusal}`);
      return;
    }
    local.publish(topic, message, { connection: sender.connection, address: sender.address });
  });

  return {
    // The bus is one more receiver: a publish is forwarded to it once, whatever listens beyond.
    audience: (topic) => local.audience(topic) + (bus.shared ? 1 : 0),
    publish(topic, message, sender) {
      local.publish(topic, message, sender);
      if (bus.shared) bus.publish({ topic, message, sender: { instance: bus.instance, ...sender } });
    },
    prune,
  };
}
