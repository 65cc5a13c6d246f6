// The relay's transport in the app: y-webrtc's own signaling WebSockets (one per server URL,
// shared by every room of the page), so relaying costs no extra connection. y-webrtc ignores
// publishes on topics it has no room for, and the relay ignores y-webrtc's.
import type { WebrtcProvider } from 'y-webrtc';
import type { RelayTransport } from '../../../../shared/relay';

/** The part of y-webrtc's SignalingConn (a lib0 WebsocketClient) the relay uses. */
interface SignalingConnLike {
  readonly connected: boolean;
  send(message: object): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  on(event: 'connect', listener: () => void): void;
  off(event: 'message', listener: (message: unknown) => void): void;
  off(event: 'connect', listener: () => void): void;
}

export function signalingRelayTransport(provider: WebrtcProvider): RelayTransport {
  const conns = (): SignalingConnLike[] => provider.signalingConns as SignalingConnLike[];
  return {
    subscribe: (topics) => conns().forEach((c) => c.connected && c.send({ type: 'subscribe', topics })),
    unsubscribe: (topics) => conns().forEach((c) => c.connected && c.send({ type: 'unsubscribe', topics })),
    // Through every server, like y-webrtc's signaling; the relay drops the copies as replays.
    publish: (topic, data) => conns().forEach((c) => c.connected && c.send({ type: 'publish', topic, data })),
    onMessage(listener) {
      const onMessage = (message: unknown): void => {
        if (typeof message !== 'object' || message === null) return;
        const { type, topic, data } = message as { type?: unknown; topic?: unknown; data?: unknown };
        if (type === 'publish' && typeof topic === 'string') listener(topic, data);
      };
      const attached = conns();
      attached.forEach((c) => c.on('message', onMessage));
      return () => attached.forEach((c) => c.off('message', onMessage));
    },
    onConnect(listener) {
      const attached = conns();
      attached.forEach((c) => c.on('connect', listener));
      return () => attached.forEach((c) => c.off('connect', listener));
    },
    isConnected: () => conns().some((c) => c.connected),
  };
}
