// Runs in a browser page (bundled by hostilePeer.ts): a peer that holds the room secret and
// derives the topic as the app does, but then sends raw bytes over its data channels that no
// honest Bridgeboard would send.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebrtcProvider } from 'y-webrtc';
import { roomTopic } from '../../../renderer/src/features/room/roomTopic';

export type HostileMessage = 'garbage' | 'malformed-sync' | 'unknown-root' | 'oversized-presence' | 'text';

interface RawPeer {
  send(data: Uint8Array | string): void;
}
interface RawConn {
  connected: boolean;
  peer: RawPeer;
}

let provider: WebrtcProvider | null = null;

function conns(): RawConn[] {
  return [...(provider?.room?.webrtcConns.values() ?? [])] as unknown as RawConn[];
}

function message(kind: HostileMessage): Uint8Array | string {
  switch (kind) {
    case 'garbage':
      return new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37]);
    case 'malformed-sync':
      // A sync update whose length prefix promises far more bytes than follow.
      return new Uint8Array([0, 2, 0xff, 0x7f, 1, 2, 3]);
    case 'unknown-root': {
      const doc = new Y.Doc();
      doc.getMap('evil').set('payload', 'x'.repeat(1000));
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
      return encoding.toUint8Array(e);
    }
    case 'oversized-presence': {
      const state = JSON.stringify({ user: { name: 'x'.repeat(40_000) } });
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 424242);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, state);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    }
    case 'text':
      return 'hello, is this JSON?';
  }
}

const api = {
  async connect(workshopId: string, secret: string, signaling: string[]): Promise<void> {
    provider?.destroy();
    // y-webrtc frees the topic only once the old provider's room is destroyed.
    await new Promise((r) => setTimeout(r, 300));
    const doc = new Y.Doc();
    provider = new WebrtcProvider(await roomTopic(workshopId, secret), doc, { signaling, password: secret, filterBcConns: true, peerOpts: {} });
  },
  connectedPeers(): number {
    return conns().filter((c) => c.connected).length;
  },
  send(kind: HostileMessage): number {
    const live = conns().filter((c) => c.connected);
    for (const c of live) c.peer.send(message(kind));
    return live.length;
  },
};

(globalThis as unknown as { hostile: typeof api }).hostile = api;
