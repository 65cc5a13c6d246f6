// Fan-out: an admitted publish goes to every connection subscribed to its topic on this server.
// Admission (limits and budgets, in signalingConnection.ts) happens before and is not repeated
// here. Shared with other instances, busFanOut.ts wraps it: what this instance's clients publish
// also goes to the bus, and what the bus brings goes to this fan-out.
import { publishFrame } from './signalingProtocol';
import type { TopicRegistry } from './topicRegistry';

/** Who published, as pseudonyms of this instance (never an address): what a bus carries so
 * other instances can charge their own budgets. */
export interface PublishSender {
  readonly connection: string;
  readonly address: string;
}

export interface TopicFanOut {
  /** How many receivers a publish on the topic reaches: what its cost is counted on. */
  audience(topic: string): number;
  /** Sends an admitted message to the topic's subscribers, with `clients` as y-webrtc expects. */
  publish(topic: string, message: Record<string, unknown>, sender: PublishSender): void;
}

export function createLocalFanOut<C>(registry: TopicRegistry<C>, deliver: (receiver: C, frame: string, bytes: number) => void): TopicFanOut {
  return {
    audience: (topic) => registry.subscribers(topic)?.size ?? 0,
    publish(topic, message) {
      const receivers = registry.subscribers(topic);
      if (!receivers) return;
      // Serialised once for all receivers: fan-out is the server's hot path. The set is copied
      // because a receiver cut for backpressure leaves it.
      const frame = publishFrame(message, receivers.size);
      const bytes = Buffer.byteLength(frame);
      for (const receiver of [...receivers]) deliver(receiver, frame, bytes);
    },
  };
}
