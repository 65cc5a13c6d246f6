// The data-channel guard: well-formed y-webrtc messages pass; garbage, malformed, oversized and
// foreign messages are refused with a reason, and refusing them leaves the doc as it was.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { addCard, buildSnapshot } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { inspectPeerMessage, MAX_PEER_MESSAGE_BYTES } from '../../../shared/sync/peerMessageGuard';
import { describePeerDrop } from '../../../shared/sync/peerDropReason';

function boardDoc(): Y.Doc {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Guard', facilitator: 'F', createdAt: 0 });
  addCard(doc, { section: 'goals', fields: { title: 'Uptime' }, author: { name: 'I', side: 'IT' } }, 1);
  return doc;
}

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

const syncUpdate = (update: Uint8Array): Uint8Array =>
  message((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
  });

/** A peer that has nothing yet, receiving. */
const receiver = () => ({ doc: new Y.Doc(), docBytes: () => 0 });

describe('messages a real peer sends pass', () => {
  const doc = boardDoc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Ines', side: 'IT' } });
  it.each([
    ['sync step 1', message((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, doc); })],
    ['sync step 2', message((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep2(e, doc); })],
    ['an update', syncUpdate(Y.encodeStateAsUpdate(doc))],
    ['awareness', message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])); })],
    ['an awareness query', message((e) => encoding.writeVarUint(e, 3))],
  ])('%s', (_name, data) => expect(inspectPeerMessage(data, receiver())).toEqual({ ok: true }));
});

describe('hostile or broken messages are refused', () => {
  const foreign = new Y.Doc();
  foreign.getMap('evil').set('x', 1);
  const bigAwarenessState = JSON.stringify({ user: 'x'.repeat(20_000) });
  it.each([
    ['not binary', 'hello', 'not binary'],
    ['empty', new Uint8Array(), 'empty'],
    ['oversized', new Uint8Array(MAX_PEER_MESSAGE_BYTES + 1), 'oversized'],
    ['unknown type', Uint8Array.of(9), 'unknown message type'],
    ['truncated sync', Uint8Array.of(0, 2, 50, 1, 2), 'does not decode'],
    ['garbage update', syncUpdate(Uint8Array.of(255, 255, 255, 255, 1, 2, 3)), 'update that does not decode'],
    ['write to a foreign root', syncUpdate(Y.encodeStateAsUpdate(foreign)), 'unknown part of the board'],
    ['unknown sync type', message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 7); encoding.writeVarUint8Array(e, new Uint8Array(1)); }), 'unknown sync message'],
    ['awareness that is not JSON', message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, message((a) => { encoding.writeVarUint(a, 1); encoding.writeVarUint(a, 1); encoding.writeVarUint(a, 1); encoding.writeVarString(a, '{nope'); })); }), 'not JSON'],
    ['oversized presence', message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, message((a) => { encoding.writeVarUint(a, 1); encoding.writeVarUint(a, 1); encoding.writeVarUint(a, 1); encoding.writeVarString(a, bigAwarenessState); })); }), 'oversized presence'],
    ['tab message over the network', message((e) => { encoding.writeVarUint(e, 4); encoding.writeUint8(e, 1); encoding.writeVarString(e, 'peer'); }), 'tab-to-tab'],
  ] as const)('%s', (_name, data, reason) => {
    const verdict = inspectPeerMessage(data, receiver());
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(describePeerDrop(verdict.reason)).toContain(reason);
  });

  it('random garbage that gets past the guard cannot break the board when applied', () => {
    const gen = prng.create(42);
    const base = Y.encodeStateAsUpdate(boardDoc());
    for (let i = 0; i < 2_000; i++) {
      const bytes = prng.uint8Array(gen, prng.int32(gen, 1, 200));
      bytes[0] = 0; // claim to be a sync message so the deeper checks run
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base);
      if (!inspectPeerMessage(bytes, { doc, docBytes: () => base.byteLength }).ok) continue;
      const decoder = decoding.createDecoder(bytes);
      decoding.readVarUint(decoder);
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'peer');
      expect(buildSnapshot(doc).sections.goals.map((c) => c.fields.title)).toEqual(['Uptime']);
    }
  });
});
