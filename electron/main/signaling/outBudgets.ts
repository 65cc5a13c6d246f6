// Outgoing bytes. A publish costs its frame size times its receivers, and is sent only if the
// sender's connection, the sender's address and the topic can all pay; otherwise it is dropped
// for that sender and counted. Without this, a few publishers under the message rate limit with
// many subscribers each turned 100 MB in into 20 GB out.
import type { SignalingLimits } from './signalingLimits';
import { createTokenBucket, type TokenBucket } from './tokenBucket';

export type BudgetRefusal = 'connectionBudget' | 'addressBudget' | 'topicBudget';

export interface OutBudgets {
  forConnection(): TokenBucket;
  forAddress(): TokenBucket;
  /** Charges all three budgets, or none and says which could not pay. */
  charge(cost: number, connection: TokenBucket, address: TokenBucket, topic: string): BudgetRefusal | undefined;
  /** Forgets topic budgets that have refilled; a spent one is kept, so re-creating a topic
   * never buys it a fresh budget. */
  prune(): void;
}

export function createOutBudgets(limits: SignalingLimits, now: () => number): OutBudgets {
  const bucket = (perSecond: number) => createTokenBucket(perSecond, perSecond * limits.outBurstSeconds, now);
  const topics = new Map<string, TokenBucket>();
  return {
    forConnection: () => bucket(limits.outBytesPerSecond),
    forAddress: () => bucket(limits.outBytesPerSecondPerAddress),
    charge(cost, connection, address, topic) {
      let forTopic = topics.get(topic);
      if (!forTopic) {
        forTopic = bucket(limits.outBytesPerSecondPerTopic);
        topics.set(topic, forTopic);
      }
      if (!connection.canTake(cost)) return 'connectionBudget';
      if (!address.canTake(cost)) return 'addressBudget';
      if (!forTopic.canTake(cost)) return 'topicBudget';
      connection.take(cost);
      address.take(cost);
      forTopic.take(cost);
      return undefined;
    },
    prune() {
      for (const [topic, b] of topics) if (b.isFull()) topics.delete(topic);
    },
  };
}
