// Seeded convergence fuzzing, in the manner of Yjs's own tests: five peers apply random board
// operations, exchange updates in random order with random drops, re-sync, and must end with
// identical boards. A failing seed is printed so it can be replayed. Each peer also keeps its
// snapshot up to date incrementally, as the renderer's store does, and it must always equal a
// snapshot built from scratch.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { addCard, buildSnapshot, cardsMap, changedCardIds, deleteCard, editField, moveCard, restoreCard, SECTION_IDS, setStatus, setVote, STATUSES, type BoardSnapshot } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';

const PEERS = 5;
const SEEDS = 60;
const ROUNDS = 12;

interface Peer {
  doc: Y.Doc;
  /** Updates this peer has produced or received and not yet passed on to each other peer. */
  outbox: Uint8Array[][];
  /** Kept up to date from the doc's events only, never rebuilt. */
  snapshot: BoardSnapshot;
}

function randomOp(gen: prng.PRNG, doc: Y.Doc, peer: number, now: number): void {
  const snap = buildSnapshot(doc);
  const live = Object.values(snap.cards).filter((c) => !c.deleted);
  const dead = Object.values(snap.cards).filter((c) => c.deleted);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length ? prng.oneOf(gen, list as T[]) : undefined);
  const card = pick(live);
  const kind = prng.int32(gen, 0, 7);
  const section = prng.oneOf(gen, [...SECTION_IDS]);
  if (kind <= 1 || !card) {
    addCard(doc, { section, fields: { title: `card ${peer}-${now}` }, author: { name: `peer ${peer}`, side: peer % 2 ? 'IT' : 'OT' } }, now);
  } else if (kind === 2) {
    editField(doc, card.id, 'title', prng.word(gen, 1, 12) || 'x');
  } else if (kind === 3) {
    moveCard(doc, card.id, section, prng.int32(gen, 0, 5));
  } else if (kind === 4) {
    setStatus(doc, card.id, prng.oneOf(gen, [...STATUSES]));
  } else if (kind === 5) {
    setVote(doc, card.id, `peer${peer}`, prng.int32(gen, 0, 3));
  } else if (kind === 6) {
    deleteCard(doc, card.id);
  } else {
    const gone = pick(dead);
    if (gone) restoreCard(doc, gone.id);
  }
}

function shuffle<T>(gen: prng.PRNG, list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

/** A view of the board without identity-bearing fields, for comparing peers. */
const view = (snap: BoardSnapshot): unknown => ({
  meta: snap.meta,
  sections: Object.fromEntries(Object.entries(snap.sections).map(([s, cards]) => [s, cards.map((c) => ({ ...c }))])),
  trash: snap.trash.map((c) => c.id).sort(),
});

function runSeed(seed: number): void {
  const gen = prng.create(seed);
  const origin = new Y.Doc();
  initWorkshop(origin, { title: 'Fuzz', facilitator: 'F', createdAt: 0 });
  const base = Y.encodeStateAsUpdate(origin);
  const peers: Peer[] = Array.from({ length: PEERS }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    Y.applyUpdate(doc, base);
    const peer: Peer = { doc, outbox: Array.from({ length: PEERS }, () => []), snapshot: buildSnapshot(doc) };
    cardsMap(doc).observeDeep((events) => {
      peer.snapshot = buildSnapshot(doc, peer.snapshot, changedCardIds(events));
    });
    doc.on('update', (update: Uint8Array, from: unknown) => {
      if (from === 'remote') return;
      for (let j = 0; j < PEERS; j++) if (j !== i) peer.outbox[j]!.push(update);
    });
    return peer;
  });

  let now = 1;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PEERS; i++) {
      const ops = prng.int32(gen, 0, 4);
      // Time moves on only now and then, so cards share creation times as batch adds do.
      for (let k = 0; k < ops; k++) randomOp(gen, peers[i]!.doc, i, (now += prng.int32(gen, 0, 1)));
    }
    // Deliver a random subset of pending messages in random order; drop some for good.
    for (let i = 0; i < PEERS; i++) {
      for (let j = 0; j < PEERS; j++) {
        const box = peers[i]!.outbox[j]!;
        shuffle(gen, box);
        const keep: Uint8Array[] = [];
        for (const update of box) {
          const roll = prng.real53(gen);
          if (roll < 0.15) continue; // lost
          if (roll < 0.4) keep.push(update); // delayed
          else Y.applyUpdate(peers[j]!.doc, update, 'remote');
        }
        peers[i]!.outbox[j] = keep;
      }
    }
    for (const [i, p] of peers.entries()) expect(p.snapshot, `seed ${seed}: peer ${i}'s incremental snapshot, round ${round}`).toEqual(buildSnapshot(p.doc));
  }

  // Re-sync: every pair exchanges state vectors and diffs, as y-protocols' sync step 1/2 does.
  for (let i = 0; i < PEERS; i++) {
    for (let j = 0; j < PEERS; j++) {
      if (i === j) continue;
      const diff = Y.encodeStateAsUpdate(peers[i]!.doc, Y.encodeStateVector(peers[j]!.doc));
      Y.applyUpdate(peers[j]!.doc, diff, 'remote');
    }
  }

  for (const [i, p] of peers.entries()) expect(p.snapshot, `seed ${seed}: peer ${i}'s incremental snapshot after re-sync`).toEqual(buildSnapshot(p.doc));
  const views = peers.map((p) => view(buildSnapshot(p.doc)));
  for (let i = 1; i < PEERS; i++) expect(views[i], `seed ${seed}: peer ${i} differs from peer 0`).toEqual(views[0]);
  // Every section's order is a total order: no card listed twice, none lost.
  const snap = buildSnapshot(peers[0]!.doc);
  const listed = Object.values(snap.sections).flat().length + snap.trash.length;
  expect(listed).toBe(Object.keys(snap.cards).length);
}

describe('convergence under random edits, reordering, drops and re-syncs', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}`, () => runSeed(seed));
  }
});
