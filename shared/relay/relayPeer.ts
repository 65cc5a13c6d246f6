// One peer's relay: Yjs sync and presence through the signaling server for the peers it has no
// direct (WebRTC) link with, encrypted end to end with a key only the room has. The server sees
// a random topic and ciphertext. Protocol (docs/rooms.md):
// - on (re)connecting: subscribe to the room's relay topic and our own inbox topic, broadcast
//   hello; a sample of the room answers "here" to our inbox; we send our state vector to the
//   first who answered, it replies with what we lack plus its own state vector, and we
//   broadcast what it lacks (edits made offline). Any peer can serve a late joiner.
// - our own edits and presence are batched for `batchMs` and broadcast as one message, but only
//   while the roster holds someone we have no direct link to: a room that is all mesh sends
//   only a small "alive" now and then.
// - inbound frames are size- and form-checked, decrypted, checked for replay, and every Yjs or
//   presence message in them passes the same peer guard as a data-channel message before it is
//   applied. A sender whose message fails the guard is blocked.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { inspectPeerMessage, type GuardTarget } from '../sync/peerMessageGuard';
import type { PeerDropReason } from '../sync/peerDropReason';
import { inboxTopic, openFrame, relayTopic, sealFrame, type RelayKey } from './relayCrypto';
import { decodeBody, decodeEnvelope, encodeBody, encodeEnvelope, RelayKind, type RelayEnvelope } from './relayEnvelope';
import { ReplayGuard, Reassembly } from './relayInbound';
import { defaultRelayOptions, FRAME_BODY_BYTES, MAX_INBOUND_QUEUE, MAX_MESSAGES_PER_BODY, RELAY_ID, type RelayOptions } from './relayLimits';
import type { RelayTransport } from './relayTransport';
import { globalTimers, type Timers } from './relayTimers';
import { awarenessMessage, clockSum, isEmptyUpdate, MESSAGE_AWARENESS, MESSAGE_SYNC, presenceClients, syncMessage, syncTypeOf } from './relayMessages';

const HELLO_RETRY_MS = 3000;
const HELLO_TRIES = 3;
const SYNC_REPLY_TIMEOUT_MS = 5000;
const RESYNC_EVERY_MS = 3000;
/** How long a newcomer collects answers to its hello before choosing whom to sync from. */
const OFFER_WINDOW_MS = 300;
/** How long a peer that heard of more than it holds waits for it before asking for a sync. */
const GAP_GRACE_MS = 1500;
/** The goodbye's sequence number is this far ahead of ours when sealed. */
const WILL_SEQ_AHEAD = 1_000_000;
/** Below the peer guard's MAX_AWARENESS_CLIENTS (256). */
const PRESENCE_PER_SLICE = 200;

export interface RelayCounts {
  /** Frames on our topics. */
  received: number;
  /** Relay messages whose content reached the doc or presence. */
  applied: number;
  /** Frames we published. */
  sent: number;
  /** Not a string, not base64url, too short, or no envelope inside. */
  malformed: number;
  oversized: number;
  /** Did not decrypt with the room's relay key: another secret, or forged. */
  undecryptable: number;
  /** A sequence number already seen from that sender. */
  replayed: number;
  /** Sent too long ago (or in the future) to be anything but a replay. */
  stale: number;
  /** Addressed to another peer. */
  misaddressed: number;
  /** Decrypted but refused by the peer guard (its sender is blocked from then on). */
  refused: number;
  /** Dropped because too many frames were waiting. */
  overloaded: number;
}

export interface RelayDrop {
  readonly peerId: string;
  /** Why: a code the app words (describePeerDrop words it in English). */
  readonly reason: PeerDropReason;
  readonly via: 'relay';
  readonly at: number;
}

export interface RelayPeerConfig {
  /** Our id in the relay: y-webrtc's peer id in the app, so both layers name a peer alike. */
  readonly id: string;
  readonly doc: Y.Doc;
  readonly awareness?: awarenessProtocol.Awareness | null;
  readonly key: RelayKey;
  readonly roomTopic: string;
  readonly transport: RelayTransport;
  readonly guard: GuardTarget;
  /** Whether we have a working direct link to a peer (they get our edits that way). */
  readonly isDirect?: (peerId: string) => boolean;
  /** Doc changes with these origins arrived from elsewhere (y-webrtc) and are not ours to relay. */
  readonly isForeignOrigin?: (origin: unknown) => boolean;
  readonly onDrop?: (drop: RelayDrop) => void;
  /** The roster changed (someone came, left or went quiet). */
  readonly onRoster?: () => void;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly timers?: Timers;
  readonly options?: Partial<RelayOptions>;
}

export interface RelayPeer {
  readonly id: string;
  /** The origin of changes the relay applies. */
  readonly origin: object;
  /** Peers heard on the relay recently, without us. */
  roster(): string[];
  counts(): Readonly<RelayCounts>;
  /** The peer whose relayed message is being applied right now, else null. */
  sender(): string | null;
  isBlocked(peerId: string): boolean;
  /** True once a peer has answered our state vector (or nobody answered our hellos). */
  synced(): boolean;
  /** Sends what is batched now. */
  flush(): void;
  /** Sends what is batched and a goodbye, then leaves the topics. */
  close(): Promise<void>;
}

export function createRelayPeer(config: RelayPeerConfig): RelayPeer {
  const { id, doc, key, transport, guard } = config;
  if (!RELAY_ID.test(id)) throw new Error('relay id: 8-64 letters, digits, - or _');
  const awareness = config.awareness ?? null;
  const options: RelayOptions = { ...defaultRelayOptions, ...config.options };
  const now = config.now ?? Date.now;
  const random = config.random ?? Math.random;
  const timers = config.timers ?? globalTimers;
  const isDirect = config.isDirect ?? (() => false);
  const isForeignOrigin = config.isForeignOrigin ?? (() => false);
  const origin = { name: 'bridgeboard-relay' } as const;
  const broadcast = relayTopic(config.roomTopic);
  const inbox = inboxTopic(broadcast, id);
  const counts: RelayCounts = { received: 0, applied: 0, sent: 0, malformed: 0, oversized: 0, undecryptable: 0, replayed: 0, stale: 0, misaddressed: 0, refused: 0, overloaded: 0 };
  const roster = new Map<string, number>();
  const blocked = new Set<string>();
  const replay = new ReplayGuard(options.freshnessMs);
  const reassembly = new Reassembly(30_000);

  let seq = 0;
  let closed = false;
  let currentSender: string | null = null;
  let lastSentAt = 0;
  let outChain: Promise<void> = Promise.resolve();
  let inChain: Promise<void> = Promise.resolve();
  let inQueued = 0;
  let pendingUpdates: Uint8Array[] = [];
  let awarenessDirty = false;
  let flushTimer: unknown = null;
  // Joining: hellos until someone answers, then one sync request at a time until one is answered.
  let helloTries = 0;
  let presenceInHello = false;
  let answersHeldNothing = false;
  let helloTimer: unknown = null;
  let syncState: 'idle' | 'requested' | 'synced' = 'idle';
  let syncTimer: unknown = null;
  const askedForSync = new Set<string>();
  const offers = new Map<string, number>();
  let offerTimer: unknown = null;
  let lastResyncAt = 0;
  let gapTimer: unknown = null;
  const answeredAt = new Map<string, number>();

  const rosterChanged = (): void => config.onRoster?.();
  const notice = (peerId: string): void => {
    const wasListed = roster.has(peerId);
    roster.set(peerId, now());
    if (!wasListed) rosterChanged();
  };
  // Presence clients each relay peer spoke for, so its presence goes when it leaves.
  const presenceOf = new Map<string, Set<number>>();
  const forget = (peerId: string): void => {
    const clients = presenceOf.get(peerId);
    presenceOf.delete(peerId);
    if (clients && awareness) awarenessProtocol.removeAwarenessStates(awareness, [...clients].filter((c) => c !== awareness.clientID), origin);
    if (roster.delete(peerId)) rosterChanged();
  };

  /** Seals and publishes a message, split into parts when long; in order, one frame after another. */
  const send = (kind: RelayKind, to: string, body: Uint8Array): void => {
    const topic = to === '' ? broadcast : inboxTopic(broadcast, to);
    const parts = Math.max(1, Math.ceil(body.length / FRAME_BODY_BYTES));
    lastSentAt = now();
    outChain = outChain.then(async () => {
      for (let part = 0; part < parts; part++) {
        const envelope: RelayEnvelope = { from: id, to, seq: ++seq, sentAt: now(), known: known(), kind, part, parts, body: body.subarray(part * FRAME_BODY_BYTES, (part + 1) * FRAME_BODY_BYTES) };
        const frame = await sealFrame(key, encodeEnvelope(envelope));
        if (!transport.isConnected()) return;
        transport.publish(topic, frame);
        counts.sent++;
      }
    }).catch(() => undefined);
  };

  const wantsBroadcast = (): boolean => {
    for (const peerId of roster.keys()) if (!isDirect(peerId)) return true;
    return false;
  };

  const flush = (): void => {
    if (flushTimer !== null) timers.clearTimeout(flushTimer);
    flushTimer = null;
    const updates = pendingUpdates;
    pendingUpdates = [];
    const withPresence = awarenessDirty && awareness !== null;
    awarenessDirty = false;
    // Peers with a direct link have it already; newcomers get it from their state vector sync.
    if (closed && !transport.isConnected()) return;
    if (!wantsBroadcast()) return;
    const messages: Uint8Array[] = [];
    if (updates.length > 0) {
      const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      messages.push(syncMessage((e) => syncProtocol.writeUpdate(e, merged)));
    }
    if (withPresence && awareness) messages.push(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])));
    if (messages.length > 0) send(RelayKind.data, '', encodeBody(messages));
  };
  const schedule = (): void => {
    if (flushTimer === null && !closed) flushTimer = timers.setTimeout(flush, options.batchMs);
  };

  // How much of the board we hold, computed again only after the doc changed: it is read for
  // every frame sent and received.
  let knownCache = -1;
  const known = (): number => (knownCache >= 0 ? knownCache : (knownCache = clockSum(doc)));
  const onUpdate = (update: Uint8Array, updateOrigin: unknown): void => {
    knownCache = -1;
    if (updateOrigin === origin || isForeignOrigin(updateOrigin)) return;
    pendingUpdates.push(update);
    schedule();
  };
  // 'change', not 'update': y-protocols renews an unchanged state every 15 s, which across a
  // room of hundreds would be most of the relay's traffic. Relayed presence is kept fresh from
  // the roster instead (tick).
  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, awarenessOrigin: unknown): void => {
    if (awarenessOrigin === origin || !awareness) return;
    const mine = awareness.clientID;
    if (!added.includes(mine) && !updated.includes(mine) && !removed.includes(mine)) return;
    awarenessDirty = true;
    schedule();
  };

  const block = (peerId: string, reason: PeerDropReason): void => {
    counts.refused++;
    if (blocked.has(peerId)) return;
    blocked.add(peerId);
    forget(peerId);
    config.onDrop?.({ peerId, reason, via: 'relay', at: now() });
  };

  /** Checks a y-webrtc message with the peer guard and applies it; false if the guard refused it. */
  const apply = (from: string, message: Uint8Array, allowed: readonly number[], ownPresence = true): boolean => {
    const verdict = inspectPeerMessage(message, guard);
    if (!verdict.ok) {
      block(from, verdict.reason);
      return false;
    }
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    currentSender = from;
    try {
      if (type === MESSAGE_SYNC) {
        const syncType = decoding.readVarUint(decoder);
        if (!allowed.includes(syncType)) {
          block(from, { code: 'relay-out-of-turn' });
          return false;
        }
        if (syncType !== 0) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), origin);
      } else if (type === MESSAGE_AWARENESS && allowed.includes(-1)) {
        const update = decoding.readVarUint8Array(decoder);
        if (awareness) {
          const clients = presenceOf.get(from) ?? new Set<number>();
          presenceOf.set(from, clients);
          // A sync reply carries the whole room's presence, which is not the sender's own.
          if (ownPresence) for (const client of presenceClients(update)) if (clients.size < 8) clients.add(client);
          awarenessProtocol.applyAwarenessUpdate(awareness, update, origin);
        }
      } else {
        block(from, { code: 'relay-unsupported' });
        return false;
      }
    } catch {
      block(from, { code: 'unapplicable' });
      return false;
    } finally {
      currentSender = null;
    }
    return true;
  };

  /** Everyone's presence we know, in slices the peer guard accepts (it caps clients per message). */
  const presenceSlices = (): Uint8Array[] => {
    if (!awareness) return [];
    const clients = [...awareness.getStates().keys()].slice(0, PRESENCE_PER_SLICE * (MAX_MESSAGES_PER_BODY - 2));
    const slices: Uint8Array[] = [];
    for (let i = 0; i < clients.length; i += PRESENCE_PER_SLICE) slices.push(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients.slice(i, i + PRESENCE_PER_SLICE))));
    return slices;
  };

  const requestSync = (peerId: string): void => {
    askedForSync.add(peerId);
    send(RelayKind.syncRequest, peerId, encodeBody([syncMessage((e) => syncProtocol.writeSyncStep1(e, doc))]));
  };
  const startSync = (peerId: string): void => {
    if (syncState !== 'idle') return;
    syncState = 'requested';
    requestSync(peerId);
    const retry = (): void => {
      if (closed || syncState !== 'requested') return;
      const next = [...offers].sort((a, b) => b[1] - a[1]).map(([p]) => p).concat([...roster.keys()]).find((p) => !askedForSync.has(p) && !blocked.has(p));
      if (next) requestSync(next);
      syncTimer = timers.setTimeout(retry, SYNC_REPLY_TIMEOUT_MS);
    };
    syncTimer = timers.setTimeout(retry, SYNC_REPLY_TIMEOUT_MS);
  };
  /** Missing dependencies after an update (a message lost on the way): ask its sender for a sync. */
  const resyncIfGaps = (from: string): void => {
    const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if ((store.pendingStructs === null && store.pendingDs === null) || now() - lastResyncAt < RESYNC_EVERY_MS) return;
    lastResyncAt = now();
    requestSync(from);
  };

  const handleMessage = (from: string, kind: RelayKind, knownThere: number, body: Uint8Array): void => {
    const messages = kind === RelayKind.hello || kind === RelayKind.syncRequest || kind === RelayKind.syncReply || kind === RelayKind.data ? decodeBody(body) : [];
    if (messages === null) return block(from, { code: 'relay-malformed', what: 'body' });
    switch (kind) {
      case RelayKind.hello: {
        if (messages.length > 1) return block(from, { code: 'relay-malformed', what: 'hello' });
        for (const message of messages) if (!apply(from, message, [-1])) return;
        const answerChance = Math.min(1, options.helloAnswers / Math.max(1, roster.size));
        if (random() < answerChance) {
          // Spread over a little time so a newcomer's answers do not arrive as one burst.
          const delay = random() * Math.min(200, roster.size * 2);
          timers.setTimeout(() => !closed && send(RelayKind.here, from, new Uint8Array(0)), delay);
        }
        return;
      }
      case RelayKind.here: {
        // We sync from the best informed of the answers heard in a short window, not from
        // another newcomer that happened to answer first.
        offers.set(from, knownThere);
        // A better-informed answer after we synced from another (a newcomer answered first).
        if (syncState === 'synced' && knownThere > known() && !askedForSync.has(from)) return requestSync(from);
        if (syncState === 'idle' && offerTimer === null) {
          offerTimer = timers.setTimeout(() => {
            offerTimer = null;
            const best = [...offers].sort((a, b) => b[1] - a[1])[0];
            if (!best || closed) return;
            // Every answer came from someone holding nothing (other newcomers): keep saying hello
            // until someone who holds the board answers.
            answersHeldNothing = best[1] === 0;
            startSync(best[0]);
          }, OFFER_WINDOW_MS);
        }
        return;
      }
      case RelayKind.alive:
        return;
      case RelayKind.bye:
        return forget(from);
      case RelayKind.syncRequest: {
        const [step1] = messages;
        if (messages.length !== 1 || !step1 || syncTypeOf(step1) !== 0) return block(from, { code: 'relay-malformed', what: 'sync-request' });
        // A full sync can be the whole board: one answer per peer per interval, however often it asks.
        if (now() - (answeredAt.get(from) ?? -Infinity) < RESYNC_EVERY_MS / 2) return;
        answeredAt.set(from, now());
        if (answeredAt.size > 1024) answeredAt.delete(answeredAt.keys().next().value ?? '');
        if (!inspectPeerMessage(step1, guard).ok) return block(from, { code: 'relay-malformed', what: 'state-vector' });
        const decoder = decoding.createDecoder(step1);
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const theirs = decoding.readVarUint8Array(decoder);
        const step2 = syncMessage((e) => syncProtocol.writeSyncStep2(e, doc, theirs));
        const ours = syncMessage((e) => syncProtocol.writeSyncStep1(e, doc));
        send(RelayKind.syncReply, from, encodeBody([step2, ours, ...presenceSlices()]));
        return;
      }
      case RelayKind.syncReply: {
        const [step2, step1, ...presence] = messages;
        if (!step2 || !step1 || syncTypeOf(step2) !== 1 || syncTypeOf(step1) !== 0) return block(from, { code: 'relay-malformed', what: 'sync-reply' });
        if (!inspectPeerMessage(step1, guard).ok) return block(from, { code: 'relay-malformed', what: 'state-vector' });
        if (!apply(from, step2, [1])) return;
        for (const message of presence) if (!apply(from, message, [-1], false)) return;
        counts.applied++;
        resyncIfGaps(from);
        // A resync (after a gap) ends here; the answering peer closes its own gaps the same way.
        if (syncState !== 'requested') return;
        syncState = 'synced';
        if (syncTimer !== null) timers.clearTimeout(syncTimer);
        // Now that someone knows us, the room gets our presence (unless our hello carried it),
        // and what the answering peer lacked: edits we made offline, which the rest of the room
        // lacks too.
        if (!presenceInHello) {
          awarenessDirty = true;
          schedule();
        }
        const decoder = decoding.createDecoder(step1);
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const missing = Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(decoder));
        if (!isEmptyUpdate(missing)) send(RelayKind.data, '', encodeBody([syncMessage((e) => syncProtocol.writeUpdate(e, missing))]));
        return;
      }
      case RelayKind.data: {
        if (messages.length === 0) return block(from, { code: 'relay-malformed', what: 'empty' });
        for (const message of messages) if (!apply(from, message, [2, -1])) return;
        counts.applied++;
        resyncIfGaps(from);
        return;
      }
    }
  };

  const handleFrame = async (data: unknown): Promise<void> => {
    const opened = await openFrame(key, data);
    if (closed) return;
    if (!opened.ok) {
      counts[opened.why]++;
      return;
    }
    const envelope = decodeEnvelope(opened.plaintext);
    if (!envelope) {
      counts.malformed++;
      return;
    }
    const { from } = envelope;
    // The server echoes our own publishes back to us.
    if (from === id || blocked.has(from)) return;
    const freshness = replay.check(from, envelope.seq, envelope.sentAt, now());
    if (freshness !== 'fresh') {
      counts[freshness]++;
      return;
    }
    if (envelope.to !== '' && envelope.to !== id) {
      counts.misaddressed++;
      return;
    }
    notice(from);
    const outcome = reassembly.add(envelope, now());
    if (!outcome.done) {
      if (outcome.refused) block(from, outcome.refused);
      return;
    }
    handleMessage(from, envelope.kind, envelope.known, outcome.body);
    // The sender holds more than we do. Usually what we lack is on its way (edits of several
    // people cross); if it has not come after a while, something was lost: ask for a sync.
    if (!blocked.has(from) && syncState === 'synced' && gapTimer === null && envelope.known > known()) {
      const knownThere = envelope.known;
      gapTimer = timers.setTimeout(() => {
        gapTimer = null;
        if (closed || blocked.has(from) || known() >= knownThere || now() - lastResyncAt < RESYNC_EVERY_MS) return;
        lastResyncAt = now();
        requestSync(from);
      }, GAP_GRACE_MS);
    }
  };

  const onMessage = (topic: string, data: unknown): void => {
    if (closed || (topic !== broadcast && topic !== inbox)) return;
    counts.received++;
    if (inQueued >= MAX_INBOUND_QUEUE) {
      counts.overloaded++;
      return;
    }
    inQueued++;
    inChain = inChain.then(() => handleFrame(data)).catch(() => undefined).finally(() => {
      inQueued--;
    });
  };

  const hello = (): void => {
    if (closed) return;
    helloTries++;
    // With our presence, so the room learns who joined from this one broadcast.
    const presence = awareness && awareness.getLocalState() !== null ? [awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))] : [];
    presenceInHello = presence.length > 0;
    send(RelayKind.hello, '', encodeBody(presence));
    if (helloTimer !== null) timers.clearTimeout(helloTimer);
    helloTimer = timers.setTimeout(() => {
      helloTimer = null;
      if (syncState === 'requested' || (syncState === 'synced' && !(answersHeldNothing && known() === 0))) return;
      if (helloTries < (answersHeldNothing ? 2 * HELLO_TRIES : HELLO_TRIES)) hello();
      // Nobody answered: we are the first here, and later joiners sync from us.
      else syncState = 'synced';
    }, HELLO_RETRY_MS);
  };
  const onConnect = (): void => {
    if (closed) return;
    transport.subscribe([broadcast, inbox]);
    // After a reconnection we may have missed anything: join afresh.
    syncState = 'idle';
    askedForSync.clear();
    offers.clear();
    helloTries = 0;
    hello();
  };

  // A goodbye sealed ahead of time, so leaving (page hide, "Go offline") can send it at once:
  // sealing is asynchronous and the socket may be gone by the time it would finish. Its sequence
  // number is far ahead of ours, and it is renewed before it would be stale.
  let lastWill: string | null = null;
  const renewWill = (): void => {
    const envelope: RelayEnvelope = { from: id, to: '', seq: seq + WILL_SEQ_AHEAD, sentAt: now(), known: 0, kind: RelayKind.bye, part: 0, parts: 1, body: new Uint8Array(0) };
    void sealFrame(key, encodeEnvelope(envelope)).then((frame) => {
      if (!closed) lastWill = frame;
    }, () => undefined);
  };
  let willRenewedAt = 0;

  const tick = (): void => {
    const t = now();
    if (t - willRenewedAt > options.freshnessMs / 4) {
      willRenewedAt = t;
      renewWill();
    }
    for (const [peerId, seen] of roster) if (t - seen > options.rosterTtlMs) forget(peerId);
    // Presence of peers still on the roster stays (y-protocols drops a state unrenewed for 30 s).
    if (awareness) {
      const wallClock = Date.now();
      for (const [peerId, clients] of presenceOf) {
        if (!roster.has(peerId)) continue;
        for (const client of clients) {
          const meta = awareness.meta.get(client);
          if (meta && awareness.states.has(client)) meta.lastUpdated = wallClock;
        }
      }
    }
    if (t - lastSentAt >= options.aliveMs && transport.isConnected()) send(RelayKind.alive, '', new Uint8Array(0));
  };

  doc.on('update', onUpdate);
  awareness?.on('change', onAwareness);
  const offMessage = transport.onMessage(onMessage);
  const offConnect = transport.onConnect(onConnect);
  // Often enough to renew relayed presence well within y-protocols' 30 s timeout.
  const ticker = timers.setInterval(tick, Math.max(250, Math.min(options.aliveMs, options.rosterTtlMs, 40_000) / 4));
  if (transport.isConnected()) onConnect();
  willRenewedAt = now();
  renewWill();

  return {
    id,
    origin,
    roster: () => [...roster.keys()],
    counts: () => ({ ...counts }),
    sender: () => currentSender,
    isBlocked: (peerId) => blocked.has(peerId),
    synced: () => syncState === 'synced',
    flush,
    async close() {
      if (closed) return;
      flush();
      if (transport.isConnected() && lastWill !== null) transport.publish(broadcast, lastWill);
      closed = true;
      doc.off('update', onUpdate);
      awareness?.off('change', onAwareness);
      offMessage();
      offConnect();
      timers.clearInterval(ticker);
      for (const t of [helloTimer, syncTimer, flushTimer, offerTimer, gapTimer]) if (t !== null) timers.clearTimeout(t);
      await outChain;
      if (transport.isConnected()) transport.unsubscribe([broadcast, inbox]);
    },
  };
}
