// When y-webrtc forwards what peers send. Stock y-webrtc sends every doc update and presence
// change it applies to every peer it is linked to, at once: a change that came from a peer goes
// straight back to that peer, and to everyone else, who in a full mesh had it already. In a
// room of n that is (n-1)(n-2) extra messages per edit, each checked and applied (to no
// effect) by its receiver, on the way between a message arriving and the board showing it
// (bench/appLatencyBench.ts). The forwarding itself is needed: it is how a change reaches a
// peer that has no link to its author (a link that failed, a room beyond maxConns).
// So my own changes still go to everyone at once; a change from a peer is forwarded a moment
// later (RELAY_DELAY_MS), merged with whatever else came from that peer meanwhile, to every
// peer but the one it came from, after this window has shown it.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type { WebrtcProvider } from 'y-webrtc';

/** Long enough to stay clear of the receiving window's next frame; short beside a person's pace. */
export const RELAY_DELAY_MS = 50;

/** y-webrtc's message types. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

type DocHandler = (update: Uint8Array, origin: unknown) => void;
interface AwarenessChange {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}
type AwarenessHandler = (change: AwarenessChange, origin: unknown) => void;

/** The parts of y-webrtc's Room this relies on (its handlers are instance fields, read when it connects and disconnects). */
interface RoomLike {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly webrtcConns: Map<string, { connected: boolean; peer: { send(data: Uint8Array): void } | null }>;
  readonly bcConns: Set<string>;
  bcconnected: boolean;
  _docUpdateHandler: DocHandler;
  _awarenessUpdateHandler: AwarenessHandler;
}

export interface RelayOptions {
  /** The y-webrtc peer whose message is being applied right now, or null (e.g. a tab of this browser). */
  readonly sender: () => string | null;
  readonly delayMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

/**
 * Installs the relay policy on the provider's room once it exists (after the key derivation);
 * returns a function that sends what is still waiting and stops.
 */
export function deferPeerRelays(provider: WebrtcProvider, options: RelayOptions): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  const install = (): void => {
    const room = provider.room as unknown as RoomLike | null;
    if (stopped || stop || !room) return;
    stop = relayThrough(room, options);
  };
  // 'status' follows the room's creation and its connect(), in the same task.
  provider.on('status', install);
  install();
  return () => {
    stopped = true;
    provider.off('status', install);
    stop?.();
  };
}

function relayThrough(room: RoomLike, { sender, delayMs = RELAY_DELAY_MS, setTimer = setTimeout, clearTimer = (t) => clearTimeout(t as number) }: RelayOptions): () => void {
  const { doc, awareness } = room;
  const sendDoc = room._docUpdateHandler;
  const sendAwareness = room._awarenessUpdateHandler;
  // Keyed by the peer it came from ('' when unknown: then it goes to every peer).
  const updates = new Map<string, Uint8Array[]>();
  const clients = new Map<string, Set<number>>();
  let timer: unknown = null;

  const sendExcept = (source: string, message: Uint8Array): void => {
    room.webrtcConns.forEach((conn, peerId) => {
      if (peerId === source || !conn.connected || !conn.peer) return;
      try {
        conn.peer.send(message);
      } catch {
        // A closing channel: y-webrtc's own sends ignore this too.
      }
    });
  };
  const flush = (): void => {
    timer = null;
    // Tabs of this browser hear us on its BroadcastChannel only through y-webrtc's own send.
    const viaY = room.bcconnected && room.bcConns.size > 0;
    updates.forEach((list, source) => {
      const update = list.length === 1 ? list[0]! : Y.mergeUpdates(list);
      if (viaY) return sendDoc(update, null);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      sendExcept(source, encoding.toUint8Array(encoder));
    });
    clients.forEach((ids, source) => {
      const list = [...ids];
      if (viaY) return sendAwareness({ added: [], updated: list, removed: [] }, null);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, list));
      sendExcept(source, encoding.toUint8Array(encoder));
    });
    updates.clear();
    clients.clear();
  };
  const schedule = (): void => {
    if (timer === null) timer = setTimer(flush, delayMs);
  };

  // y-webrtc applies a peer's (or a tab's) message with the room as the origin.
  const onDoc: DocHandler = (update, origin) => {
    if (origin !== room) return sendDoc(update, origin);
    const source = sender() ?? '';
    updates.set(source, [...(updates.get(source) ?? []), update]);
    schedule();
  };
  const onAwareness: AwarenessHandler = (change, origin) => {
    if (origin !== room) return sendAwareness(change, origin);
    const source = sender() ?? '';
    const ids = clients.get(source) ?? new Set<number>();
    for (const id of [...change.added, ...change.updated, ...change.removed]) ids.add(id);
    clients.set(source, ids);
    schedule();
  };

  const swap = (docHandler: DocHandler, awarenessHandler: AwarenessHandler): void => {
    // Registered only while y-webrtc has its own registered, i.e. while the room is connected.
    const connected = room.bcconnected;
    if (connected) {
      doc.off('update', room._docUpdateHandler);
      awareness.off('update', room._awarenessUpdateHandler);
    }
    room._docUpdateHandler = docHandler;
    room._awarenessUpdateHandler = awarenessHandler;
    if (connected) {
      doc.on('update', docHandler);
      awareness.on('update', awarenessHandler);
    }
  };
  swap(onDoc, onAwareness);
  return () => {
    if (timer !== null) {
      clearTimer(timer);
      flush();
    }
    swap(sendDoc, sendAwareness);
  };
}
