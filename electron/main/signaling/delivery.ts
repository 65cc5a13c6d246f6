// Sending one frame to one receiver: never to a socket that is gone, and never buffering
// without bound for a receiver that stopped reading; such a receiver is cut instead.
import { WebSocket, type WebSocket as Ws } from 'ws';
import type { StatsCounters } from './signalingStats';

export type Deliver = (receiver: Ws, frame: string, bytes: number) => void;

export function createDelivery(maxBufferedBytes: number, counters: StatsCounters, warn: (event: string) => void): Deliver {
  return (receiver, frame, bytes) => {
    if (receiver.readyState !== WebSocket.OPEN) return;
    if (receiver.bufferedAmount > maxBufferedBytes) {
      counters.dropped.backpressure++;
      counters.closed.backpressure++;
      warn('backpressure');
      receiver.terminate();
      return;
    }
    receiver.send(frame);
    counters.messagesOut++;
    counters.bytesOut += bytes;
  };
}
