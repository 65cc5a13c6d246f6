// A participant without a browser: a Y.Doc with presence, joined to a room's relay through its
// own WebSocket to a real signaling server. Tests and benchmarks fill big rooms with these.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import WebSocket from 'ws';
import { createRelayPeer, createSocketTransport, type RelayKey, type RelayPeer, type RelayOptions, type SocketTransport, type WebSocketLike } from '../../shared/relay';

export interface HeadlessPeer {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly relay: RelayPeer;
  readonly transport: SocketTransport;
  close(): Promise<void>;
}

let counter = 0;

export function headlessPeer(url: string, roomTopic: string, key: RelayKey, options: Partial<RelayOptions> = {}, name = `peer ${++counter}`): HeadlessPeer {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name } });
  const transport = createSocketTransport(url, (u) => new WebSocket(u) as unknown as WebSocketLike);
  const id = `headless-${crypto.randomUUID()}`;
  const relay = createRelayPeer({ id, doc, awareness, key, roomTopic, transport, guard: { doc, docBytes: () => 0 }, options });
  return {
    doc,
    awareness,
    relay,
    transport,
    async close() {
      await relay.close();
      transport.close();
      awareness.destroy();
      doc.destroy();
    },
  };
}
