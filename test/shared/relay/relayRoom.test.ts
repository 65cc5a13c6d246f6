// The relay end to end through the real signaling server: a room of 50 headless peers converges
// on everyone's cards and presence; everything the server receives and sends is ciphertext; a
// peer with the wrong secret reads nothing and injects nothing; and oversized, garbage,
// replayed and guard-violating relay messages are refused and counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { addCard, buildSnapshot } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { createRoomSecret } from '../../../shared/room';
import { deriveRelayKey, relayTopic, type RelayKey } from '../../../shared/relay';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import { sealFrame } from '../../../shared/relay/relayCrypto';
import { encodeBody, encodeEnvelope, RelayKind } from '../../../shared/relay/relayEnvelope';
import { headlessPeer, type HeadlessPeer } from '../../support/headlessRelayPeer';

/** Everything every `ws` socket in this process receives: the server's incoming frames and, on the
 * peers' sockets, its outgoing ones. */
const captured: string[] = [];
const originalEmit = WebSocket.prototype.emit;

const ROOM_TOPIC = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const WORKSHOP_TITLE = 'Plant-wide readout';
const PEERS = 50;

let server: SignalingServer;
let key: RelayKey;
const peers: HeadlessPeer[] = [];
const others: HeadlessPeer[] = [];

const cardTitles = (doc: Y.Doc): string[] => Object.values(buildSnapshot(doc).cards).map((c) => String(c.fields.title ?? '')).sort();

async function until(what: string, check: () => boolean, timeoutMs = 30_000, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what} ${explain()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** A raw client that speaks the signaling protocol and nothing else: the attacker's tool. */
async function rawClient(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

beforeAll(async () => {
  WebSocket.prototype.emit = function (this: WebSocket, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message') captured.push(String(args[0]));
    return originalEmit.call(this, event, ...args);
  } as typeof WebSocket.prototype.emit;
  // One address holds the whole room here; a real deployment sees many.
  server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, limits: { maxSubscribersPerTopicPerAddress: 400, maxConnectionsPerAddress: 400, maxSubscribersPerTopic: 400 } });
  key = await deriveRelayKey(createRoomSecret(), ROOM_TOPIC);
}, 30_000);

afterAll(async () => {
  await Promise.all([...peers, ...others].map((p) => p.close()));
  await server?.close();
  WebSocket.prototype.emit = originalEmit;
});

describe('a relayed room of 50 headless peers', () => {
  it('converges on every card and everyone’s presence, late joiners included', async () => {
    const host = headlessPeer(server.url, ROOM_TOPIC, key, {}, 'host');
    initWorkshop(host.doc, { title: WORKSHOP_TITLE, facilitator: 'Fiona', createdAt: 0 });
    peers.push(host);
    await until('the host is connected', () => host.transport.isConnected());
    for (let i = 1; i < PEERS; i++) {
      peers.push(headlessPeer(server.url, ROOM_TOPIC, key, {}, `peer ${i}`));
      await new Promise((r) => setTimeout(r, 20));
    }
    const lagging = () => JSON.stringify(peers.filter((p) => !p.relay.synced() || p.doc.getMap('meta').size === 0).map((p) => ({ synced: p.relay.synced(), meta: p.doc.getMap('meta').size, roster: p.relay.roster().length, counts: p.relay.counts() })));
    await until('everyone has synced with the room', () => peers.every((p) => p.relay.synced() && p.doc.getMap('meta').size > 0), 30_000, lagging);
    // Everyone adds a card at once.
    peers.forEach((p, i) => addCard(p.doc, { section: 'goals', fields: { title: `Secret goal ${i}` }, author: { name: `P${i}`, side: 'IT' } }, i + 1));
    const expected = peers.map((_, i) => `Secret goal ${i}`).sort();
    await until('every peer has every card', () => peers.every((p) => cardTitles(p.doc).join('|') === expected.join('|')));
    await until('every peer sees everyone present', () => peers.every((p) => p.awareness.getStates().size === PEERS));

    // A late joiner gets the whole board from whoever answers.
    const late = headlessPeer(server.url, ROOM_TOPIC, key, {}, 'late');
    others.push(late);
    await until('the late joiner has every card', () => cardTitles(late.doc).join('|') === expected.join('|'));
    for (const p of peers) expect(p.relay.counts()).toMatchObject({ undecryptable: 0, malformed: 0, refused: 0, replayed: 0 });
  }, 120_000);

  it('shows the server nothing but topics and ciphertext', () => {
    const publishes = captured.filter((f) => f.includes('"publish"'));
    expect(publishes.length).toBeGreaterThan(PEERS * 2);
    for (const frame of captured) {
      expect(frame).not.toContain('Secret goal');
      expect(frame).not.toContain(WORKSHOP_TITLE);
      expect(frame).not.toContain('goals');
      expect(frame).not.toContain('title');
      expect(frame).not.toContain(ROOM_TOPIC);
    }
    // Every payload is one opaque base64url string: a version byte, an IV and AES-GCM output.
    for (const frame of publishes) {
      const message = JSON.parse(frame) as Record<string, unknown>;
      expect(Object.keys(message).sort()).toEqual(message.clients === undefined ? ['data', 'topic', 'type'] : ['clients', 'data', 'topic', 'type']);
      expect(message.data).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(message.topic).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('a peer with the wrong secret on the right topic reads nothing and injects nothing', async () => {
    const wrongKey = await deriveRelayKey(createRoomSecret(), ROOM_TOPIC);
    const mallory = headlessPeer(server.url, ROOM_TOPIC, wrongKey, { aliveMs: 300 }, 'mallory');
    others.push(mallory);
    await until('mallory is connected', () => mallory.transport.isConnected());
    // The room keeps working: a card added now reaches everyone but her.
    const author = peers[3];
    if (!author) throw new Error('no author');
    addCard(author.doc, { section: 'goals', fields: { title: 'Secret goal while Mallory listens' }, author: { name: 'P3', side: 'OT' } }, 50);
    await until('the room has the new card', () => peers.every((p) => cardTitles(p.doc).includes('Secret goal while Mallory listens')));
    await until('mallory has heard the room', () => mallory.relay.counts().undecryptable > 0);
    expect(mallory.doc.getMap('meta').size).toBe(0);
    expect(cardTitles(mallory.doc)).toEqual([]);
    expect(mallory.relay.roster()).toEqual([]);

    // Her own edit, sealed with her key as a real relay message and published on the room's topic.
    addCard(mallory.doc, { section: 'goals', fields: { title: 'Injected by Mallory' }, author: { name: 'M', side: 'IT' } }, 99);
    const update = Y.encodeStateAsUpdate(mallory.doc);
    const body = encodeBody([message((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeUpdate(e, update); })]);
    const frame = await sealFrame(wrongKey, encodeEnvelope({ from: 'mallory-0001', to: '', seq: 1, sentAt: Date.now(), known: 0, kind: RelayKind.data, part: 0, parts: 1, body }));
    const target = peers[1];
    if (!target) throw new Error('no target');
    const before = target.relay.counts().undecryptable;
    const attacker = await rawClient(server.url);
    attacker.send(JSON.stringify({ type: 'publish', topic: relayTopic(ROOM_TOPIC), data: frame }));
    await until('a room member has refused mallory’s frame', () => target.relay.counts().undecryptable > before);
    attacker.close();
    for (const p of peers) expect(cardTitles(p.doc)).not.toContain('Injected by Mallory');
    expect(target.relay.roster()).not.toContain('mallory-0001');
  }, 60_000);

  it('refuses oversized, garbage, replayed and guard-violating relay messages, and counts them', async () => {
    const target = peers[2];
    if (!target) throw new Error('no target');
    const topic = relayTopic(ROOM_TOPIC);
    const replayable = captured.map((f) => JSON.parse(f) as { type?: string; topic?: string; data?: unknown }).find((m) => m.type === 'publish' && m.topic === topic && typeof m.data === 'string');
    const attacker = await rawClient(server.url);
    const before = target.relay.counts();
    const publish = (data: unknown) => attacker.send(JSON.stringify({ type: 'publish', topic, data }));
    publish('A'.repeat(60_001));
    publish('not base64!');
    publish({ nested: 'object' });
    publish('AQ' + 'A'.repeat(60));
    publish(replayable?.data);
    await until('the target has counted each', () => {
      const c = target.relay.counts();
      return c.oversized > before.oversized && c.malformed >= before.malformed + 2 && c.undecryptable > before.undecryptable && c.replayed + c.stale > before.replayed + before.stale;
    });
    attacker.close();

    // A key holder whose update breaks the document schema: refused by the peer guard, blocked.
    const rogue = headlessPeer(server.url, ROOM_TOPIC, key, {}, 'rogue');
    others.push(rogue);
    await until('the rogue has synced', () => rogue.relay.synced() && rogue.doc.getMap('meta').size > 0);
    const refusedBefore = target.relay.counts().refused;
    rogue.doc.getMap('meta').set('title', 12345);
    rogue.doc.getText('injected').insert(0, 'a text type where the schema has none');
    await until('the target refused the rogue update', () => target.relay.counts().refused > refusedBefore);
    expect(target.relay.isBlocked(rogue.relay.id)).toBe(true);
    expect(target.doc.getMap('meta').get('title')).toBe(WORKSHOP_TITLE);
    // After being blocked, the rogue's later messages are ignored even if well-formed.
    addCard(rogue.doc, { section: 'goals', fields: { title: 'After the block' }, author: { name: 'R', side: 'IT' } }, 7);
    await new Promise((r) => setTimeout(r, 300));
    expect(cardTitles(target.doc)).not.toContain('After the block');
  }, 60_000);
});
