// The in-process bus. Alone (`createLocalBus`, the default) it is one instance with nobody to
// share with. From a hub (`createLocalBusHub`), several servers in one process share rooms
// exactly as they would through Redis, through the same envelope and checks: tests and
// benchmarks of scale-out need no Redis to exercise the instances' side of it.
import { randomBytes } from 'node:crypto';
import { decodeEnvelope, encodeEnvelope } from './busEnvelope';
import { defaultBusLimits, emptyBusStats, type BusLimits, type BusMessage, type BusStats, type SignalingBus } from './signalingBus';

export function createLocalBus(): SignalingBus {
  return createLocalBusHub().bus({ shared: false });
}

export interface LocalBusHub {
  bus(options?: { readonly shared?: boolean; readonly limits?: Partial<BusLimits>; readonly maxTopicLength?: number }): SignalingBus;
}

interface Member {
  readonly instance: string;
  readonly topics: Set<string>;
  deliver(data: Buffer): void;
}

export function createLocalBusHub(): LocalBusHub {
  const members = new Set<Member>();
  return {
    bus(options = {}) {
      const limits = { ...defaultBusLimits, ...options.limits };
      const maxTopicLength = options.maxTopicLength ?? 256;
      const stats: { -readonly [K in keyof BusStats]: BusStats[K] } = emptyBusStats(1);
      let receive: ((message: BusMessage) => void) | undefined;
      const member: Member = {
        instance: randomBytes(9).toString('base64url'),
        topics: new Set(),
        deliver(data) {
          const decoded = decodeEnvelope(data, limits.maxBusMessageBytes, maxTopicLength);
          if (!decoded.ok) {
            if (decoded.reason === 'oversized') stats.droppedOversized++;
            else stats.droppedMalformed++;
            return;
          }
          stats.received++;
          receive?.(decoded.message);
        },
      };
      members.add(member);
      return {
        instance: member.instance,
        shared: options.shared ?? true,
        join: (topic) => void member.topics.add(topic),
        leave: (topic) => void member.topics.delete(topic),
        publish(message) {
          const data = encodeEnvelope(message);
          if (data.length > limits.maxBusMessageBytes) {
            stats.droppedOversized++;
            return;
          }
          stats.sent++;
          for (const other of members) if (other !== member && other.topics.has(message.topic)) other.deliver(data);
        },
        onMessage(r) {
          receive = r;
        },
        stats: () => ({ ...stats }),
        async close() {
          members.delete(member);
        },
      };
    },
  };
}
