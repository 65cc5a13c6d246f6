// A relay transport over its own WebSocket to a y-webrtc signaling server, for peers without
// y-webrtc (headless peers in tests and benchmarks, any Node client). It reconnects with backoff
// and pings, as y-webrtc's own client does. The WebSocket class is injected: `ws` in Node,
// the global one in a browser.
import type { RelayTransport } from './relayTransport';
import { globalTimers, type Timers } from './relayTimers';

export interface WebSocketLike {
  readonly readyState: number;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

const OPEN = 1;
const PING_MS = 20_000;

export interface SocketTransport extends RelayTransport {
  close(): void;
}

export function createSocketTransport(url: string, open: (url: string) => WebSocketLike, timers: Timers = globalTimers): SocketTransport {
  const messageListeners = new Set<(topic: string, data: unknown) => void>();
  const connectListeners = new Set<() => void>();
  let socket: WebSocketLike | null = null;
  let closed = false;
  let failures = 0;
  let ping: unknown = null;

  const sendJson = (message: object): void => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(message));
  };
  const connect = (): void => {
    if (closed) return;
    const s = open(url);
    socket = s;
    s.onopen = () => {
      failures = 0;
      ping = timers.setInterval(() => sendJson({ type: 'ping' }), PING_MS);
      for (const l of connectListeners) l();
    };
    s.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const { type, topic, data } = message as { type?: unknown; topic?: unknown; data?: unknown };
      if (type !== 'publish' || typeof topic !== 'string') return;
      for (const l of messageListeners) l(topic, data);
    };
    s.onerror = () => undefined;
    s.onclose = () => {
      if (ping !== null) timers.clearInterval(ping);
      ping = null;
      if (socket === s) socket = null;
      if (closed) return;
      failures++;
      timers.setTimeout(connect, Math.min(5000, 100 * 2 ** failures));
    };
  };
  connect();

  return {
    subscribe: (topics) => sendJson({ type: 'subscribe', topics }),
    unsubscribe: (topics) => sendJson({ type: 'unsubscribe', topics }),
    publish: (topic, data) => sendJson({ type: 'publish', topic, data }),
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onConnect(listener) {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
    isConnected: () => socket?.readyState === OPEN,
    close() {
      closed = true;
      if (ping !== null) timers.clearInterval(ping);
      socket?.close();
    },
  };
}
