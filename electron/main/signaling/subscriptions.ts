// Subscribing under the topic limits: per connection, per address (distinct topics, subscribers
// of one topic), per topic, and the whole topic table. The registry (who listens where, which the
// fan-out reads) and the ledger (what each address holds) change together here and nowhere else.
import type { AddressLedger } from './addressLedger';
import type { SignalingLimits } from './signalingLimits';
import type { TopicRegistry } from './topicRegistry';

/** Why a subscribe was refused; the same words are counted in stats and sent to the client. */
export type SubscribeRefusal = 'topicLimit' | 'addressTopics' | 'addressSubscribers' | 'topicTable' | 'topicSubscribers';

export class Subscriptions<C> {
  constructor(
    private readonly registry: TopicRegistry<C>,
    private readonly ledger: AddressLedger,
    private readonly limits: SignalingLimits,
  ) {}

  /** Subscribes, or says why not. An address's own limits are checked before the shared ones,
   * so a client at its share hears that, and a newcomer hears when the server itself is full. */
  subscribe(conn: C, address: string, topic: string): SubscribeRefusal | undefined {
    const { registry, limits } = this;
    if (registry.isSubscribed(conn, topic)) return undefined;
    if (registry.topicsOf(conn) >= limits.maxTopicsPerConnection) return 'topicLimit';
    const held = this.ledger.entry(address).topics;
    const fromAddress = held.get(topic) ?? 0;
    if (fromAddress === 0 && held.size >= limits.maxTopicsPerAddress) return 'addressTopics';
    if (fromAddress >= limits.maxSubscribersPerTopicPerAddress) return 'addressSubscribers';
    const subscribers = registry.subscribers(topic)?.size ?? 0;
    if (subscribers === 0 && registry.topicCount >= limits.maxTopics) return 'topicTable';
    if (subscribers >= limits.maxSubscribersPerTopic) return 'topicSubscribers';
    registry.subscribe(conn, topic);
    held.set(topic, fromAddress + 1);
    return undefined;
  }

  unsubscribe(conn: C, address: string, topic: string): void {
    if (!this.registry.isSubscribed(conn, topic)) return;
    this.registry.unsubscribe(conn, topic);
    const held = this.ledger.peek(address)?.topics;
    const left = (held?.get(topic) ?? 1) - 1;
    if (left > 0) held?.set(topic, left);
    else held?.delete(topic);
  }

  removeConnection(conn: C, address: string): void {
    for (const topic of this.registry.topicsHeldBy(conn)) this.unsubscribe(conn, address, topic);
  }
}
