// The renderer's facilitation controller over two synced docs, with hosts that sign like the
// real ones: the facilitator claims the workshop, and their phase change, timer and vote reach
// the participant; the participant's own "facilitator" actions are refused on both sides.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fingerprintOf, toBase64url } from '../../../shared/crypto';
import { actionMessage, ballotKey, currentPhase, currentRound, encryptBallot } from '../../../shared/facilitation';
import { createBoardStore } from '../../../renderer/src/features/board';
import { createFacilitationActions, createFacilitationController, type Me } from '../../../renderer/src/features/facilitation';
import type { Host } from '../../../renderer/src/host/Host';
import { memoryVault } from '../../support/memoryVault';

function hostWithKey(seed: number): Host {
  const secret = new Uint8Array(32).fill(seed);
  const publicKey = toBase64url(ed25519.getPublicKey(secret));
  const no = () => Promise.reject(new Error('not in this test'));
  return {
    kind: 'browser',
    storage: {} as Host['storage'],
    vault: {} as Host['vault'],
    files: {} as Host['files'],
    openExternal: no,
    identity: {
      get: async () => ({ publicKey, fingerprint: fingerprintOf(ed25519.getPublicKey(secret)), createdAt: '', protection: { weak: false, backend: 'test', warning: null } }),
      signCharter: no,
      signSeal: no,
      signFacilitatorAction: async (input) => toBase64url(ed25519.sign(actionMessage(input), secret)),
      replace: no,
    },
  };
}

function peer(seed: number, me: Me, doc = new Y.Doc()) {
  const board = createBoardStore(doc, () => ({ name: me.name, side: me.side }));
  const moves: string[] = [];
  const controller = createFacilitationController({ host: hostWithKey(seed), doc, board, vault: memoryVault('ws-1'), me: () => me, navigate: (section) => moves.push(section) });
  controller.start();
  return { doc, board, controller, commands: createFacilitationActions(controller), moves };
}

const link = (a: Y.Doc, b: Y.Doc) => {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
};
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('facilitation controller', () => {
  it('the facilitator runs the room; a participant pretending to is refused everywhere', async () => {
    const fac = peer(1, { participantId: 'p-fac', name: 'Fay', side: 'facilitator' });
    const ot = peer(2, { participantId: 'p-ot', name: 'Olga', side: 'OT' });
    link(fac.doc, ot.doc);
    await settle();
    await fac.commands.claim();
    await settle();
    expect(fac.controller.store.getState().isFacilitator).toBe(true);
    expect(ot.controller.store.getState().isFacilitator).toBe(false);

    await fac.commands.movePhase(1);
    await fac.commands.movePhase(1);
    expect(currentPhase(ot.controller.store.getState().state)?.title).toBe('Shared language');
    expect(ot.board.getState().addCard('goals', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'section-closed' } });
    expect(ot.board.getState().addCard('language', { title: 'DMZ' }).ok).toBe(true);

    await ot.commands.movePhase(1);
    await settle();
    for (const p of [fac, ot]) {
      expect(currentPhase(p.controller.store.getState().state)?.title).toBe('Shared language');
      expect(p.controller.store.getState().state.refused).toMatchObject([{ reason: 'wrong-key', what: 'move to phase "goals"' }]);
    }

    // OT erases the facilitator's latest phase change from the doc: both keep it, and the
    // facilitator's app writes it back, so a newcomer gets it as well.
    const map = ot.doc.getMap('facilitation');
    const latest = [...map.keys()].filter((k) => k.startsWith('a:2:'));
    for (const k of latest) map.delete(k);
    await settle();
    for (const p of [fac, ot]) expect(currentPhase(p.controller.store.getState().state)?.title).toBe('Shared language');
    expect([...ot.doc.getMap('facilitation').keys()].filter((k) => k.startsWith('a:2:'))).toHaveLength(1);

    await fac.commands.bringHere('risks', null);
    expect(ot.moves).toEqual(['risks']);
    expect(fac.moves).toEqual([]);

    await fac.commands.startVote(3);
    await ot.commands.castVote({ card1: 2 });
    await fac.commands.castVote({ card1: 1 });
    expect(fac.controller.store.getState().results).toBeNull();
    expect(fac.controller.store.getState().ballotsCast).toEqual({ IT: 0, OT: 1, facilitator: 1 });

    // Ballots are not signed: a device with the room secret writes one in OT's name. OT's app
    // notices and puts its own back while the vote is open; the reveal then counts OT's.
    const round = currentRound(ot.controller.store.getState().state);
    if (!round) throw new Error('no open round');
    const key = ballotKey(round.roundId, 'p-ot');
    const ots = ot.doc.getMap('facilitation').get(key);
    const mallory = new Y.Doc();
    Y.applyUpdate(mallory, Y.encodeStateAsUpdate(ot.doc));
    const forged = encryptBallot(round.publicKey, 'OT', { card2: 3 }, { workshopId: 'ws-1', roundId: round.roundId, voterId: 'p-ot' });
    const forgery: Uint8Array[] = [];
    mallory.on('update', (u: Uint8Array) => forgery.push(u));
    mallory.getMap('facilitation').set(key, JSON.stringify(forged));
    // The forgery reaches everyone (the facilitator first), and OT's app answers it.
    link(ot.doc, mallory);
    for (const u of forgery) Y.applyUpdate(fac.doc, u, 'remote');
    expect(fac.doc.getMap('facilitation').get(key)).toBe(JSON.stringify(forged));
    for (const u of forgery) Y.applyUpdate(ot.doc, u, 'remote');
    await vi.waitFor(() => expect(fac.doc.getMap('facilitation').get(key)).toBe(ots));
    expect(mallory.getMap('facilitation').get(key)).toBe(ots);
    expect(ot.controller.store.getState().ballotRestored).toEqual({ roundId: round.roundId, count: 1 });
    // A participant cannot reveal: without the round key their app cannot, and signed with their key it would be refused.
    await ot.commands.revealVotes().catch(() => undefined);
    expect(fac.controller.store.getState().results).toBeNull();
    await fac.commands.revealVotes();
    expect(ot.controller.store.getState().results?.tallies).toEqual([{ cardId: 'card1', it: 0, ot: 2, facilitator: 1, total: 3, split: false }]);
  });
});
