// The short-code lookups' WebSocket over `ws`, for tests that run the shared code in Node.
import { WebSocket } from 'ws';
import type { OpenWebSocket, WebSocketLike } from '../../../shared/room';

/** A `ws` client for the shared code, recording every frame it sends; `localAddress` makes
 * it another client address (all of 127.0.0.0/8 is loopback on Linux). */
export function sockets(sent: string[] = [], localAddress?: string): OpenWebSocket {
  return (url) => {
    const ws = new WebSocket(url, localAddress ? { localAddress } : {});
    const like: WebSocketLike = {
      onopen: null,
      onmessage: null,
      onerror: null,
      onclose: null,
      send: (data) => {
        sent.push(data);
        ws.send(data);
      },
      close: () => ws.close(),
    };
    ws.on('open', () => like.onopen?.());
    ws.on('message', (data) => like.onmessage?.({ data: data.toString() }));
    ws.on('error', () => like.onerror?.());
    ws.on('close', () => like.onclose?.());
    return like;
  };
}
