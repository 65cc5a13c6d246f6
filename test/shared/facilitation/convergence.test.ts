// Seeded fuzz: the facilitator's signed actions and hostile entries (forgeries, replays) land
// on three peers in random order with random syncs; once everyone has everything, every peer
// derives the same state, and it is the one the facilitator's own actions produce.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSignedAction, facilitationMap, readFacilitation, writeSignedAction, type FacilitatorAction, type SignedAction } from '../../../shared/facilitation';
import { testKey, WORKSHOP } from '../../support/facilitatorKeys';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const facilitator = testKey(7);
const intruder = testKey(8);
const PHASES = ['frame', 'language', 'goals', 'tradeoffs', 'vote'];

function randomAction(r: () => number, at: number): FacilitatorAction {
  const pick = Math.floor(r() * 6);
  if (pick === 0) return { type: 'phase.set', phaseId: PHASES[Math.floor(r() * PHASES.length)] ?? 'frame' };
  if (pick === 1) return { type: 'timer.start', durationMs: 60_000 * (1 + Math.floor(r() * 10)), at };
  if (pick === 2) return { type: 'timer.pause', at };
  if (pick === 3) return { type: 'timer.extend', byMs: 60_000, at };
  if (pick === 4) return { type: 'anonymity.set', anonymous: r() < 0.5 };
  return { type: 'bring.here', section: 'goals', cardId: null };
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('facilitation convergence', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: all peers agree, and forgeries and replays change nothing`, async () => {
      const r = rng(seed);
      const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const reference = new Y.Doc();
      const sent: SignedAction[] = [];
      for (let step = 0; step < 40; step++) {
        const peer = peers[Math.floor(r() * peers.length)] ?? peers[0];
        if (!peer) throw new Error('no peer');
        const roll = r();
        if (roll < 0.5) {
          // The facilitator acts (from peer 0's device, which the fuzz lets sync late).
          const signed = await facilitator.sign(WORKSHOP, sent.length + 1, randomAction(r, 1_000_000 + step * 1000));
          sent.push(signed);
          writeSignedAction(peers[0] ?? peer, signed);
          writeSignedAction(reference, signed);
        } else if (roll < 0.65) {
          writeSignedAction(peer, await intruder.sign(WORKSHOP, sent.length + 1, randomAction(r, 5)));
        } else if (roll < 0.75 && sent.length > 0) {
          const old = sent[Math.floor(r() * sent.length)];
          if (old) facilitationMap(peer).set(`a:${old.seq}:copy${step}`, encodeSignedAction(old));
        } else {
          const other = peers[Math.floor(r() * peers.length)];
          if (other && other !== peer) sync(peer, other);
        }
      }
      for (const a of peers) for (const b of peers) if (a !== b) sync(a, b);
      const states = peers.map((p) => {
        // What users see; which copy of a replayed action counts is bookkeeping, not state.
        const { refused: _refused, appliedKeys: _keys, ...rest } = readFacilitation(p, WORKSHOP, facilitator.publicKey);
        return rest;
      });
      const { refused: _none, appliedKeys: _k, ...expected } = readFacilitation(reference, WORKSHOP, facilitator.publicKey);
      const keys = peers.map((p) => readFacilitation(p, WORKSHOP, facilitator.publicKey).appliedKeys);
      for (const k of keys) expect(k).toEqual(keys[0]);
      for (const state of states) expect(state).toEqual(expected);
      expect(readFacilitation(peers[1] ?? reference, WORKSHOP, facilitator.publicKey).refused.every((x) => x.reason === 'wrong-key' || x.reason === 'replayed')).toBe(true);
    });
  }
});
