// The relay policy in front of y-webrtc's Room: my own changes go to everyone at once; a change
// from a peer is forwarded a moment later, merged, to every peer but the one it came from, so
// a peer with no link to the author still gets it; tabs of this browser still hear it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebrtcProvider } from 'y-webrtc';
import { deferPeerRelays } from '../../../renderer/src/features/room/peerRelay';

function fakeRoom(peerIds: string[], bcPeers: string[] = []) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const sent = new Map<string, Uint8Array[]>(peerIds.map((id) => [id, []]));
  const viaY: { kind: 'doc' | 'awareness'; value: unknown }[] = [];
  const room = {
    doc,
    awareness,
    webrtcConns: new Map(peerIds.map((id) => [id, { connected: true, peer: { send: (m: Uint8Array) => sent.get(id)?.push(m) } }])),
    bcConns: new Set(bcPeers),
    bcconnected: true,
    _docUpdateHandler: (update: Uint8Array) => void viaY.push({ kind: 'doc', value: update }),
    _awarenessUpdateHandler: (change: unknown) => void viaY.push({ kind: 'awareness', value: change }),
  };
  // As y-webrtc's Room.connect() registers them.
  doc.on('update', room._docUpdateHandler);
  awareness.on('update', room._awarenessUpdateHandler);
  const events = new EventEmitter();
  const provider = { room, on: (n: string, f: () => void) => events.on(n, f), off: (n: string, f: () => void) => events.off(n, f) } as unknown as WebrtcProvider;
  const timers: (() => void)[] = [];
  let sender: string | null = null;
  const stop = deferPeerRelays(provider, { sender: () => sender, setTimer: (fn) => timers.push(fn), clearTimer: () => undefined });
  /** Applies `update` as y-webrtc does for a message from `from`. */
  const receive = (from: string | null, update: Uint8Array) => {
    sender = from;
    Y.applyUpdate(doc, update, room);
    sender = null;
  };
  const runTimers = () => timers.splice(0).forEach((fn) => fn());
  return { doc, awareness, room, sent, viaY, receive, runTimers, timers, stop };
}

/** A peer's doc with a title typed into it, as an update. */
function remoteEdit(text: string, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.getMap('cards').set(text, text);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The doc changes carried by y-webrtc sync messages, applied to a fresh doc. */
function applied(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const m of messages) {
    const decoder = decoding.createDecoder(m);
    expect(decoding.readVarUint(decoder)).toBe(0); // sync
    expect(decoding.readVarUint(decoder)).toBe(2); // update
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc;
}

describe('peer relay', () => {
  it('sends my own edits to everyone at once, through y-webrtc', () => {
    const r = fakeRoom(['a', 'b']);
    r.doc.getMap('cards').set('mine', 'x');
    expect(r.viaY).toHaveLength(1);
    expect(r.timers).toHaveLength(0);
  });

  it('forwards a peer’s edits later, merged, to every peer but their author', () => {
    const r = fakeRoom(['a', 'b', 'c']);
    r.receive('a', remoteEdit('one'));
    r.receive('a', remoteEdit('two'));
    // Nothing on the way to the screen: no send until the timer.
    expect([...r.sent.values()].flat()).toHaveLength(0);
    expect(r.viaY).toHaveLength(0);
    r.runTimers();
    expect(r.sent.get('a')).toHaveLength(0);
    for (const peer of ['b', 'c']) {
      expect(r.sent.get(peer)).toHaveLength(1);
      expect([...applied(r.sent.get(peer) ?? []).getMap('cards').keys()].sort()).toEqual(['one', 'two']);
    }
  });

  it('keeps edits from different peers apart, so each goes to those who lack it', () => {
    const r = fakeRoom(['a', 'b', 'c']);
    r.receive('a', remoteEdit('from a'));
    r.receive('b', remoteEdit('from b'));
    r.runTimers();
    expect([...applied(r.sent.get('a') ?? []).getMap('cards').keys()]).toEqual(['from b']);
    expect([...applied(r.sent.get('b') ?? []).getMap('cards').keys()]).toEqual(['from a']);
    expect([...applied(r.sent.get('c') ?? []).getMap('cards').keys()].sort()).toEqual(['from a', 'from b']);
  });

  it('goes through y-webrtc (which also reaches this browser’s tabs) while tabs are listening', () => {
    const r = fakeRoom(['a', 'b'], ['tab']);
    r.receive('a', remoteEdit('one'));
    r.runTimers();
    expect(r.viaY.map((x) => x.kind)).toEqual(['doc']);
    expect([...r.sent.values()].flat()).toHaveLength(0);
  });

  it('forwards presence changes from a peer to the others, later', () => {
    const r = fakeRoom(['a', 'b']);
    const theirs = new Awareness(new Y.Doc());
    theirs.setLocalState({ user: { name: 'Olga' } });
    const update = encodeAwarenessUpdate(theirs, [theirs.clientID]);
    applyAwarenessUpdate(r.awareness, update, r.room);
    expect([...r.sent.values()].flat()).toHaveLength(0);
    r.runTimers();
    // No sender was known for it: it goes to every peer.
    const copy = new Awareness(new Y.Doc());
    for (const m of r.sent.get('b') ?? []) {
      const decoder = decoding.createDecoder(m);
      expect(decoding.readVarUint(decoder)).toBe(1);
      applyAwarenessUpdate(copy, decoding.readVarUint8Array(decoder), 'test');
    }
    expect(copy.getStates().get(theirs.clientID)).toEqual({ user: { name: 'Olga' } });
  });

  it('sends what is waiting when it stops, and gives y-webrtc its handlers back', () => {
    const r = fakeRoom(['a', 'b']);
    r.receive('a', remoteEdit('late'));
    r.stop();
    expect(r.sent.get('b')).toHaveLength(1);
    r.receive('a', remoteEdit('after'));
    expect(r.viaY).toHaveLength(1);
  });
});
