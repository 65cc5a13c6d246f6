// Fan-out: an admitted publish goes to every connection subscribed to its topic on this server.
// Admission (limits and budgets, in signalingConnection.ts) happens before and is not repeated
// here. This is the seam for scale-out: a cross-instance bus (Redis pub/sub) would carry
// admitted messages between instances, each handing them to its own local fan-out.
import { publishFrame } from './signalingProtocol';
import type { TopicRegistry } from './topicRegistry';

export interface TopicFanOut {
  /** How many receivers a publish on the topic reaches: what its cost is counted on. */
  audience(topic: string): number;
  /** Sends an admitted message to the topic's subscribers, with `clients` as y-webrtc expects. */
  publish(topic: string, message: Record<string, unknown>): void;
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
