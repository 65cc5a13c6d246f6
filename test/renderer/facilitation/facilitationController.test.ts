// The renderer's facilitation controller over synced docs, with hosts that sign like the real
// ones. The workshop's creator facilitates by key: their phase change, timer and vote reach the
// participants, while a participant who picked the side "Facilitator" gets no power at all. The
// facilitator delegates to a co-facilitator, whose app then holds the vote's secret; with the
// facilitator gone mid-vote, the co-facilitator reveals it. Ballots are signed: one forged in
// someone's name is never counted.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fingerprintOf, toBase64url } from '../../../shared/crypto';
import { upsertParticipant, type Side } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { actionMessage, ballotMessage, currentPhase, currentRound, sealDots, writeSignedBallot, ballotSigningInput } from '../../../shared/facilitation';
import { createBoardStore } from '../../../renderer/src/features/board';
import { createFacilitationActions, createFacilitationController, startFacilitationDuties, type Me } from '../../../renderer/src/features/facilitation';
import type { Host } from '../../../renderer/src/host/Host';
import { memoryVault } from '../../support/memoryVault';

const secretOf = (seed: number) => new Uint8Array(32).fill(seed);
const keyOf = (seed: number) => toBase64url(ed25519.getPublicKey(secretOf(seed)));

function hostWithKey(seed: number): Host {
  const secret = secretOf(seed);
  const publicKey = keyOf(seed);
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
      signBallot: async (input) => toBase64url(ed25519.sign(ballotMessage(input), secret)),
      replace: no,
    },
  } as Host;
}

const WS = 'ws-1';

function peer(seed: number, me: Me, doc: Y.Doc) {
  const board = createBoardStore(doc, () => ({ name: me.name, side: me.side }));
  const moves: string[] = [];
  upsertParticipant(doc, { id: me.participantId, name: me.name, side: me.side, role: '', publicKey: keyOf(seed) }, 1);
  const controller = createFacilitationController({ host: hostWithKey(seed), doc, board, vault: memoryVault(WS), me: () => me, navigate: (section) => moves.push(section) });
  controller.start();
  const commands = createFacilitationActions(controller);
  const stopDuties = startFacilitationDuties(controller, commands);
  return { doc, board, controller, commands, moves, stopDuties, view: () => controller.store.getState() };
}

/** Docs that pass every update to each other, as a room does (`cut` ends one's link). */
function room(docs: Y.Doc[]) {
  const cut = new Set<Y.Doc>();
  for (const a of docs) {
    a.on('update', (u: Uint8Array, origin: unknown) => {
      if (cut.has(a)) return;
      for (const b of docs) if (b !== a && !cut.has(b) && origin !== b) Y.applyUpdate(b, u, a);
    });
  }
  return { leave: (doc: Y.Doc) => cut.add(doc) };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

function workshop(count: number) {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const link = room(docs);
  // The creator's key is fixed in the workshop when it is made.
  initWorkshop(docs[0] as Y.Doc, { title: 'Line 4', facilitator: 'Fay', createdAt: 1 }, null, { publicKey: keyOf(1), participantId: 'p-fac' });
  return { docs: docs as [Y.Doc, ...Y.Doc[]], link };
}

describe('facilitation controller', () => {
  it('the workshop’s facilitator runs the room; a participant who picked the side "Facilitator" is refused everywhere', async () => {
    const { docs } = workshop(3);
    const fac = peer(1, { participantId: 'p-fac', name: 'Fay', side: 'IT' }, docs[0]);
    const ot = peer(2, { participantId: 'p-ot', name: 'Olga', side: 'OT' }, docs[1] as Y.Doc);
    const mallory = peer(3, { participantId: 'p-mal', name: 'Mal', side: 'facilitator' }, docs[2] as Y.Doc);
    await settle();
    expect(fac.view()).toMatchObject({ isFacilitator: true, isPrimary: true, facilitator: { name: 'Fay', participantId: 'p-fac' } });
    for (const p of [ot, mallory]) expect(p.view()).toMatchObject({ isFacilitator: false, myRights: [], facilitator: { publicKey: keyOf(1) } });

    await fac.commands.movePhase(1);
    await fac.commands.movePhase(1);
    expect(currentPhase(ot.view().state)?.title).toBe('Shared language');
    expect(ot.board.getState().addCard('goals', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'section-closed' } });
    expect(fac.board.getState().addCard('goals', { title: 'tidy' }).ok).toBe(true);

    // "Facilitator" by side: phase, quorum, check, freeze and reveal are all refused.
    await mallory.commands.movePhase(1);
    await mallory.commands.setQuorum({ minIT: 0, minOT: 0, facilitator: false, requiredSigners: [], requireSeal: false, reducedReason: 'we said so' });
    await mallory.commands.markChecked('p-mal', keyOf(3), true);
    await mallory.commands.recordFreeze(1, 'a'.repeat(64));
    await settle();
    for (const p of [fac, ot, mallory]) {
      const { state } = p.view();
      expect(currentPhase(state)?.title).toBe('Shared language');
      expect(state.quorum).toBeNull();
      expect(state.checks).toEqual({});
      expect(state.frozen).toEqual({});
      expect(state.refused.map((r) => r.reason)).toEqual(['wrong-key', 'wrong-key', 'wrong-key', 'wrong-key']);
    }

    await fac.commands.bringHere('risks', null);
    expect(ot.moves).toEqual(['risks']);
    expect(fac.moves).toEqual([]);
  });

  it('signed ballots: a ballot forged in someone’s name, or by someone not on the roster, is never counted', async () => {
    const { docs } = workshop(3);
    const fac = peer(1, { participantId: 'p-fac', name: 'Fay', side: 'IT' }, docs[0]);
    const ot = peer(2, { participantId: 'p-ot', name: 'Olga', side: 'OT' }, docs[1] as Y.Doc);
    const mallory = peer(3, { participantId: 'p-mal', name: 'Mal', side: 'IT' }, docs[2] as Y.Doc);
    await settle();
    await fac.commands.startVote(3);
    await settle();
    await ot.commands.castVote({ card1: 2 });
    await ot.commands.castVote({ card1: 3 });
    await fac.commands.castVote({ card2: 1 });
    expect(fac.view().ballotsCast).toEqual({ IT: 1, OT: 1, facilitator: 0 });
    // Mallory writes a newer "revision" of Olga's ballot, sealed to the round but signed with
    // Mallory's own key: every peer rejects it, and Olga's own counts.
    const round = currentRound(ot.view().state);
    if (!round) throw new Error('no round');
    const ctx = { workshopId: WS, roundId: round.roundId, voterId: 'p-ot' };
    const box = sealDots(round.publicKey, { card2: 3 }, ctx);
    const signature = toBase64url(ed25519.sign(ballotMessage(ballotSigningInput(ctx, 5, box)), secretOf(3)));
    writeSignedBallot(mallory.doc, round.roundId, { v: 2, voterId: 'p-ot', n: 5, box, publicKey: keyOf(3), signature });
    await settle();
    await fac.commands.revealVotes();
    await settle();
    for (const p of [fac, ot, mallory]) {
      expect(p.view().results?.tallies).toEqual([
        { cardId: 'card1', it: 0, ot: 3, facilitator: 0, total: 3, split: true },
        { cardId: 'card2', it: 1, ot: 0, facilitator: 0, total: 1, split: false },
      ]);
      // The forgery; Olga's first revision was replaced by her second, which is not a rejection.
      expect(p.view().results?.ballotsRejected).toBe(1);
    }
  });

  it('a co-facilitator gets the vote’s secret and reveals it with the facilitator gone; a revoked one is refused', async () => {
    const { docs, link } = workshop(3);
    const fac = peer(1, { participantId: 'p-fac', name: 'Fay', side: 'IT' }, docs[0]);
    const cole = peer(2, { participantId: 'p-cole', name: 'Cole', side: 'OT' }, docs[1] as Y.Doc);
    const it = peer(4, { participantId: 'p-it', name: 'Ian', side: 'IT' }, docs[2] as Y.Doc);
    await settle();
    await fac.commands.delegate({ participantId: 'p-cole', name: 'Cole', publicKey: keyOf(2) }, ['votes', 'charter'], 2);
    await settle();
    expect(cole.view()).toMatchObject({ isFacilitator: true, isPrimary: false, myRights: ['votes', 'charter'] });
    // Cole's app publishes its box key by itself; the vote started after that is sealed to it.
    await settle();
    expect(fac.view().state.coFacilitators[0]?.boxKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Cole may run votes, not phases.
    await cole.commands.movePhase(1);
    await settle();
    expect(currentPhase(it.view().state)).toBeNull();

    await fac.commands.startVote(2);
    await settle();
    await it.commands.castVote({ c: 2 });
    await settle();
    // The facilitator's laptop dies.
    link.leave(fac.doc);
    fac.stopDuties();
    fac.controller.dispose();
    await cole.commands.revealVotes();
    await settle();
    expect(it.view().results?.tallies).toEqual([{ cardId: 'c', it: 2, ot: 0, facilitator: 0, total: 2, split: false }]);
    expect(it.view().state.refused).toHaveLength(1);
  });

  it('the facilitator can revoke a delegation and hand the workshop over; then their own actions are refused', async () => {
    const { docs } = workshop(2);
    const fac = peer(1, { participantId: 'p-fac', name: 'Fay', side: 'IT' }, docs[0]);
    const ot = peer(2, { participantId: 'p-ot', name: 'Olga', side: 'OT' }, docs[1] as Y.Doc);
    await settle();
    await fac.commands.delegate({ participantId: 'p-ot', name: 'Olga', publicKey: keyOf(2) }, ['run'], 1);
    await settle();
    await ot.commands.movePhase(1);
    await settle();
    expect(currentPhase(fac.view().state)?.id).toBeDefined();
    await fac.commands.revoke(keyOf(2));
    await settle();
    expect(ot.view().isFacilitator).toBe(false);
    await ot.commands.movePhase(1);
    await settle();
    expect(fac.view().state.refused).toHaveLength(1);
    // A co-facilitator cannot delegate or hand over, even with every right.
    await fac.commands.delegate({ participantId: 'p-ot', name: 'Olga', publicKey: keyOf(2) }, ['run', 'votes', 'charter'], 1);
    await settle();
    await ot.commands.handOver({ participantId: 'p-ot', name: 'Olga', publicKey: keyOf(2) });
    await settle();
    expect(fac.view().facilitator?.publicKey).toBe(keyOf(1));

    await fac.commands.handOver({ participantId: 'p-ot', name: 'Olga', publicKey: keyOf(2) });
    await settle();
    for (const p of [fac, ot]) expect(p.view().facilitator).toMatchObject({ publicKey: keyOf(2), name: 'Olga', since: 'handover' });
    expect(ot.view()).toMatchObject({ isPrimary: true, myRights: ['run', 'votes', 'charter'] });
    expect(fac.view()).toMatchObject({ isFacilitator: false, myRights: [] });
    const phase = currentPhase(ot.view().state)?.id;
    await fac.commands.movePhase(1);
    await settle();
    expect(currentPhase(ot.view().state)?.id).toBe(phase);
    await ot.commands.movePhase(1);
    await settle();
    expect(currentPhase(fac.view().state)?.id).not.toBe(phase);
  });
});

export type { Side };
