// The guard in front of y-webrtc: good messages reach y-webrtc, a peer that sends bad data is
// destroyed and reported once, and if it comes back under the same id it is muted rather than
// destroyed again (which would make both sides re-announce in a loop).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebrtcProvider } from 'y-webrtc';
import { guardPeers, type DroppedPeer } from '../../../renderer/src/features/room/guardPeers';
import { addCard } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { describePeerDrop } from '../../../shared/sync/peerDropReason';

/** The doc the messages would change: empty, as a peer that has not synced yet. */
const target = { doc: new Y.Doc(), docBytes: () => 0 };

class FakePeer extends EventEmitter {
  destroyed = false;
  destroy(): void {
    this.destroyed = true;
  }
}

function fakeProvider() {
  const events = new EventEmitter();
  const webrtcConns = new Map<string, { peer: FakePeer }>();
  const provider = {
    room: { webrtcConns },
    on: (name: string, fn: () => void) => events.on(name, fn),
    off: (name: string, fn: () => void) => events.off(name, fn),
  };
  /** Adds a connection as y-webrtc does: its own data listener first, then a 'peers' event. */
  const connect = (peerId: string, received: unknown[]) => {
    const peer = new FakePeer();
    peer.on('data', (data: unknown) => received.push(data));
    webrtcConns.set(peerId, { peer });
    events.emit('peers');
    return peer;
  };
  return { provider: provider as unknown as WebrtcProvider, connect };
}

function syncUpdate(): Uint8Array {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Guarded', facilitator: 'F', createdAt: 1 });
  addCard(doc, { section: 'goals', fields: { title: 'Uptime' }, author: { name: 'I', side: 'IT' } }, 2);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

describe('guardPeers', () => {
  it('passes good messages, drops a peer that sends garbage, and mutes it if it returns', () => {
    const { provider, connect } = fakeProvider();
    const dropped: DroppedPeer[] = [];
    const guard = guardPeers(provider, target, (d) => dropped.push(d));
    const received: unknown[] = [];
    const peer = connect('p1', received);
    const good = syncUpdate();
    peer.emit('data', good);
    expect(received).toEqual([good]);

    peer.emit('data', new Uint8Array([0xff, 0xff, 0xff]));
    peer.emit('data', new Uint8Array([0xff, 0xff, 0xff]));
    expect(peer.destroyed).toBe(true);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ peerId: 'p1', via: 'direct', reason: { code: expect.stringMatching(/^(unknown-type|undecodable)$/) } });
    expect(received).toHaveLength(1);
    expect(guard.isBlocked('p1')).toBe(true);

    // Back under the same id: kept, but nothing it sends reaches y-webrtc.
    const again: unknown[] = [];
    const back = connect('p1', again);
    back.emit('data', good);
    expect(again).toEqual([]);
    expect(back.destroyed).toBe(false);
    expect(dropped).toHaveLength(1);
  });

  it('drops a write to a part of the doc the board does not have', () => {
    const { provider, connect } = fakeProvider();
    const dropped: DroppedPeer[] = [];
    guardPeers(provider, target, (d) => dropped.push(d));
    const received: unknown[] = [];
    const peer = connect('p2', received);
    const doc = new Y.Doc();
    doc.getMap('evil').set('k', 'v');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    peer.emit('data', encoding.toUint8Array(e));
    expect(received).toEqual([]);
    expect(dropped[0]?.reason).toMatchObject({ code: 'update', problem: 'unknown-part', where: 'evil' });
    expect(dropped[0] && describePeerDrop(dropped[0].reason)).toBe('a write to an unknown part of the board ("evil")');
  });

  it('drops a peer whose message makes y-webrtc throw, guarding connections made before it started', () => {
    const { provider } = fakeProvider();
    const peer = new FakePeer();
    peer.on('data', () => {
      throw new Error('boom');
    });
    (provider.room as unknown as { webrtcConns: Map<string, { peer: FakePeer }> }).webrtcConns.set('p3', { peer });
    const dropped: DroppedPeer[] = [];
    guardPeers(provider, target, (d) => dropped.push(d));
    peer.emit('data', syncUpdate());
    expect(peer.destroyed).toBe(true);
    expect(dropped.map((d) => d.reason)).toEqual([{ code: 'unapplicable' }]);
    expect(dropped.map((d) => describePeerDrop(d.reason))).toEqual(['a message the board could not apply']);
  });
});
