// Runs in a browser page (bundled by hostilePeer.ts): a peer that holds the room secret and
// derives the topic as the app does, but then sends raw bytes over its data channels that no
// honest Bridgeboard would send, or changes its synced copy of the board in shapes the schema
// does not have (y-webrtc then sends those changes to everyone, as it would an honest edit).
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebrtcProvider } from 'y-webrtc';
import { roomTopic } from '../../../renderer/src/features/room/roomTopic';
import { addCard } from '../../../shared/board';

export type HostileMessage = 'garbage' | 'malformed-sync' | 'unknown-root' | 'oversized-presence' | 'text';

/** Changes to the synced board that the schema refuses, and the erase it lets through. */
export type HostileChange =
  | 'card-as-string'
  | 'card-as-number'
  | 'card-as-null'
  | 'card-as-text'
  | 'field-as-object'
  | 'hard-erase'
  | 'concurrent-writes'
  | 'future-deletes'
  | 'soft-erase';

interface RawPeer {
  send(data: Uint8Array | string): void;
}
interface RawConn {
  connected: boolean;
  peer: RawPeer;
}

let provider: WebrtcProvider | null = null;
let doc = new Y.Doc();

const cards = (): Y.Map<unknown> => doc.getMap('cards');
const firstCard = (): Y.Map<unknown> => {
  const card = [...cards().values()].find((c): c is Y.Map<unknown> => c instanceof Y.Map);
  if (!card) throw new Error('the board has not synced here yet');
  return card;
};

/** A sync update message, as y-webrtc frames one. */
function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** Raw bytes for what y-webrtc would never send on its own; null when changing the doc is enough. */
function change(kind: HostileChange): Uint8Array | null {
  const id = String(firstCard().get('id'));
  switch (kind) {
    case 'card-as-string':
      cards().set(id, 'gone');
      return null;
    case 'card-as-number':
      cards().set(id, 42);
      return null;
    case 'card-as-null':
      cards().set(id, null);
      return null;
    case 'card-as-text':
      cards().set(id, new Y.Text('x'));
      return null;
    case 'field-as-object':
      (firstCard().get('fields') as Y.Map<unknown>).set('title', { evil: true });
      return null;
    case 'hard-erase':
      // Deletes every key of every root: 14 bytes per root on the wire.
      for (const root of ['cards', 'roster', 'charter', 'facilitation', 'meta']) for (const key of [...doc.getMap(root).keys()]) doc.getMap(root).delete(key);
      return null;
    case 'concurrent-writes': {
      // 2,000 writes to one field, each from its own copy of the board: Yjs scans them all for each.
      const base = Y.encodeStateAsUpdate(doc);
      const writes = Array.from({ length: 2000 }, (_, i) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, base);
        const before = Y.encodeStateVector(copy);
        ((copy.getMap('cards').get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>).set('title', `write ${i}`);
        return Y.encodeStateAsUpdate(copy, before);
      });
      return syncUpdate(Y.mergeUpdates(writes));
    }
    case 'future-deletes': {
      // Deletions of the next 1,000 changes of every client seen: edits nobody has made yet.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      const clients = [...doc.store.clients.keys()].filter((c) => c !== doc.clientID);
      encoding.writeVarUint(e, clients.length);
      for (const client of clients) {
        encoding.writeVarUint(e, client);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, Y.getState(doc.store, client));
        encoding.writeVarUint(e, 1000);
      }
      return syncUpdate(encoding.toUint8Array(e));
    }
    case 'soft-erase':
      // What the schema allows: every card marked deleted, the title and the purpose changed.
      doc.transact(() => {
        for (const card of cards().values()) if (card instanceof Y.Map) card.set('deleted', true);
        doc.getMap('meta').set('title', 'Erased');
        doc.getMap('charter').set('draft.purpose', '');
      });
      return null;
  }
}

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
    doc = new Y.Doc();
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
  /** Sends to one person only (found by the name in their presence); false if not linked to them. */
  sendTo(name: string, kind: HostileMessage): boolean {
    let peerId: unknown = null;
    provider?.awareness.getStates().forEach((state) => {
      const user = (state as { user?: { name?: unknown } }).user;
      if (user?.name === name) peerId = (state as { peer?: unknown }).peer;
    });
    const conn = typeof peerId === 'string' ? (provider?.room?.webrtcConns.get(peerId) as unknown as RawConn | undefined) : undefined;
    if (!conn?.connected) return false;
    conn.peer.send(message(kind));
    return true;
  },
  /** An honest card, as the app would write it; y-webrtc sends it to every peer linked to this one. */
  addCard(title: string): void {
    addCard(doc, { section: 'goals', fields: { title }, author: { name: 'Mallory', side: 'IT' }, status: 'proposed' }, Date.now(), 'hostile');
  },
  /** How many cards this peer's copy of the board holds (it syncs like any peer). */
  cardCount(): number {
    return [...cards().values()].filter((c) => c instanceof Y.Map).length;
  },
  change(kind: HostileChange): number {
    const bytes = change(kind);
    const live = conns().filter((c) => c.connected);
    if (bytes) for (const c of live) c.peer.send(bytes);
    return live.length;
  },
};

(globalThis as unknown as { hostile: typeof api }).hostile = api;
