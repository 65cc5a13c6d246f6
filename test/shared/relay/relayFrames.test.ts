// The relay's pieces without a server: frames that are tampered with, sealed with another key,
// oversized or malformed do not open; envelopes decode exactly or not at all; replays and stale
// frames are told apart; long messages are split and joined, within bounds; a board too big for
// one frame reaches a late joiner over an in-memory bus; the mesh size setting parses.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { createRoomSecret } from '../../../shared/room';
import { fromBase64url, toBase64url } from '../../../shared/crypto/bytes';
import { createRelayPeer, deriveRelayKey, readMeshSize, type RelayTransport } from '../../../shared/relay';
import { openFrame, sealFrame } from '../../../shared/relay/relayCrypto';
import { decodeEnvelope, encodeEnvelope, RelayKind, type RelayEnvelope } from '../../../shared/relay/relayEnvelope';
import { Reassembly, ReplayGuard } from '../../../shared/relay/relayInbound';
import { MAX_FRAME_CHARS } from '../../../shared/relay/relayLimits';

const TOPIC = '00112233445566778899aabbccddeeff';
const envelope = (over: Partial<RelayEnvelope> = {}): RelayEnvelope => ({ from: 'peer-aaaaaaaa', to: '', seq: 1, sentAt: 1_000, known: 0, kind: RelayKind.data, part: 0, parts: 1, body: new Uint8Array([1, 2, 3]), ...over });

describe('frames', () => {
  it('open with the room key and with nothing else', async () => {
    const key = await deriveRelayKey(createRoomSecret(), TOPIC);
    const frame = await sealFrame(key, encodeEnvelope(envelope()));
    const opened = await openFrame(key, frame);
    expect(opened.ok && decodeEnvelope(opened.plaintext)).toEqual(envelope());

    const other = await deriveRelayKey(createRoomSecret(), TOPIC);
    expect(await openFrame(other, frame)).toEqual({ ok: false, why: 'undecryptable' });
    // The same secret in another room derives another key.
    const sameSecretOtherRoom = await deriveRelayKey('X', TOPIC.replace('0', '1'));
    expect((await openFrame(sameSecretOtherRoom, frame)).ok).toBe(false);
  });

  it('refuse every flipped bit', async () => {
    const key = await deriveRelayKey(createRoomSecret(), TOPIC);
    const bytes = fromBase64url(await sealFrame(key, encodeEnvelope(envelope())));
    for (let i = 1; i < bytes.length; i++) {
      const tampered = bytes.slice();
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expect((await openFrame(key, toBase64url(tampered))).ok).toBe(false);
    }
  });

  it.each([
    ['a number', 42, 'malformed'],
    ['an object', { data: 'x' }, 'malformed'],
    ['not base64url', 'abc+/=', 'malformed'],
    ['too short', 'AQID', 'malformed'],
    ['another version', toBase64url(new Uint8Array(40).fill(2)), 'malformed'],
    ['oversized', 'A'.repeat(MAX_FRAME_CHARS + 1), 'oversized'],
  ])('refuse %s before decrypting', async (_name, data, why) => {
    const key = await deriveRelayKey(createRoomSecret(), TOPIC);
    expect(await openFrame(key, data)).toEqual({ ok: false, why });
  });
});

describe('envelopes', () => {
  it.each([
    ['a bad sender id', { from: 'x' }],
    ['a bad recipient', { to: 'not ok!' }],
    ['an unknown kind', { kind: 9 as RelayKind }],
    ['a part beyond the count', { part: 2, parts: 2 }],
    ['too many parts', { parts: 10_000 }],
  ])('refuse %s', (_name, over) => {
    expect(decodeEnvelope(encodeEnvelope(envelope(over)))).toBeNull();
  });

  it('refuse trailing bytes and truncation', () => {
    const bytes = encodeEnvelope(envelope());
    expect(decodeEnvelope(new Uint8Array([...bytes, 0]))).toBeNull();
    expect(decodeEnvelope(bytes.subarray(0, bytes.length - 1))).toBeNull();
  });
});

describe('replays and parts', () => {
  it('tell fresh frames from replays and stale ones', () => {
    const guard = new ReplayGuard(120_000);
    expect(guard.check('a', 1, 1_000, 1_000)).toBe('fresh');
    expect(guard.check('a', 2, 1_000, 1_000)).toBe('fresh');
    expect(guard.check('a', 2, 1_000, 1_000)).toBe('replayed');
    expect(guard.check('a', 1, 1_000, 1_000)).toBe('replayed');
    expect(guard.check('b', 1, 1_000, 1_000)).toBe('fresh');
    expect(guard.check('c', 1, 1_000, 200_000)).toBe('stale');
    expect(guard.check('c', 1, 400_000, 200_000)).toBe('stale');
  });

  it('join parts in order, refuse a part twice or without its beginning', () => {
    const r = new Reassembly(30_000);
    expect(r.add(envelope({ part: 1, parts: 3 }), 0)).toEqual({ done: false, refused: { code: 'relay-malformed', what: 'orphan-part' } });
    expect(r.add(envelope({ part: 0, parts: 3, body: new Uint8Array([1]) }), 0)).toEqual({ done: false });
    expect(r.add(envelope({ part: 0, parts: 3, body: new Uint8Array([9]) }), 0)).toEqual({ done: false });
    expect(r.add(envelope({ part: 1, parts: 3, body: new Uint8Array([2]) }), 0)).toEqual({ done: false });
    expect(r.add(envelope({ part: 1, parts: 3, body: new Uint8Array([2]) }), 0)).toEqual({ done: false, refused: { code: 'relay-malformed', what: 'duplicate-part' } });
    expect(r.add(envelope({ part: 2, parts: 3, body: new Uint8Array([3]) }), 0)).toEqual({ done: true, body: new Uint8Array([9, 2, 3]) });
  });
});

/** A pub/sub bus in memory with y-webrtc's server semantics (publishers hear their own publishes). */
function memoryBus() {
  const subscribers = new Map<string, Set<(topic: string, data: unknown) => void>>();
  const frames: number[] = [];
  return {
    frames,
    transport(): RelayTransport {
      const listeners = new Set<(topic: string, data: unknown) => void>();
      const mine = (topic: string, data: unknown) => listeners.forEach((l) => l(topic, data));
      return {
        subscribe: (topics) => topics.forEach((t) => subscribers.set(t, (subscribers.get(t) ?? new Set()).add(mine))),
        unsubscribe: (topics) => topics.forEach((t) => subscribers.get(t)?.delete(mine)),
        publish: (topic, data) => {
          frames.push(String(data).length);
          setTimeout(() => subscribers.get(topic)?.forEach((s) => s(topic, data)), 1);
        },
        onMessage: (l) => (listeners.add(l), () => listeners.delete(l)),
        onConnect: () => () => undefined,
        isConnected: () => true,
      };
    },
  };
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a board larger than one frame', () => {
  it('reaches a late joiner in parts, and both sides keep editing', async () => {
    const key = await deriveRelayKey(createRoomSecret(), TOPIC);
    const bus = memoryBus();
    const hostDoc = new Y.Doc();
    initWorkshop(hostDoc, { title: 'Big board', facilitator: 'F', createdAt: 0 });
    for (let i = 0; i < 400; i++) addCard(hostDoc, { section: 'risks', fields: { title: `Risk number ${i} with a long enough title to weigh something` }, author: { name: 'H', side: 'IT' } }, i);
    expect(Y.encodeStateAsUpdate(hostDoc).length).toBeGreaterThan(100_000);
    const host = createRelayPeer({ id: 'host-000000', doc: hostDoc, key, roomTopic: TOPIC, transport: bus.transport(), guard: { doc: hostDoc, docBytes: () => 0 } });
    await new Promise((r) => setTimeout(r, 50));
    const joinerDoc = new Y.Doc();
    const joiner = createRelayPeer({ id: 'joiner-0000', doc: joinerDoc, key, roomTopic: TOPIC, transport: bus.transport(), guard: { doc: joinerDoc, docBytes: () => 0 } });
    await until(() => Object.keys(buildSnapshot(joinerDoc).cards).length === 400);
    expect(Math.max(...bus.frames)).toBeLessThanOrEqual(MAX_FRAME_CHARS);
    addCard(joinerDoc, { section: 'goals', fields: { title: 'From the joiner' }, author: { name: 'J', side: 'OT' } }, 1);
    await until(() => Object.keys(buildSnapshot(hostDoc).cards).length === 401);
    expect(joiner.counts()).toMatchObject({ refused: 0, malformed: 0 });
    await Promise.all([host.close(), joiner.close()]);
  });
});

describe('the mesh size setting', () => {
  it.each([
    [null, 12],
    ['0', 0],
    ['1', 1],
    [' 8 ', 8],
    ['40', 40],
    ['41', 12],
    ['-1', 12],
    ['1.5', 12],
    ['many', 12],
  ])('%j gives %i', (raw, size) => expect(readMeshSize(raw)).toBe(size));
});
