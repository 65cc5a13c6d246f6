// The minutes of an open workshop (session/minutesSource.ts) count a vote as the results panel
// does: two peers in a room, a real signed round started, cast and revealed through the
// facilitation controller, and the minutes show each card's dots, IT and OT apart. A round not
// yet revealed is not minuted.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fingerprintOf, toBase64url } from '../../../shared/crypto';
import { upsertParticipant } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { actionMessage, ballotMessage } from '../../../shared/facilitation';
import { buildMinutes, renderMinutesMarkdown } from '../../../shared/minutes';
import { createBoardStore } from '../../../renderer/src/features/board';
import { createFacilitationActions, createFacilitationController, startFacilitationDuties, type Me } from '../../../renderer/src/features/facilitation';
import type { Host, HostIdentity } from '../../../renderer/src/host/Host';
import type { OpenWorkshop } from '../../../renderer/src/session/openWorkshop';
import { minutesSource } from '../../../renderer/src/session/minutesSource';
import { memoryVault } from '../../support/memoryVault';
import { englishWords } from '../../support/minutesFixture';

const WS = 'ws-minutes';
const secretOf = (seed: number) => new Uint8Array(32).fill(seed);
const keyOf = (seed: number) => toBase64url(ed25519.getPublicKey(secretOf(seed)));

function hostWithKey(seed: number): Host {
  const secret = secretOf(seed);
  const no = () => Promise.reject(new Error('not in this test'));
  const identity: HostIdentity = {
    get: async () => ({ publicKey: keyOf(seed), fingerprint: fingerprintOf(ed25519.getPublicKey(secret)), createdAt: '', protection: { weak: false, backend: 'test', warning: null } }),
    signCharter: no,
    signSeal: no,
    signFacilitatorAction: async (input) => toBase64url(ed25519.sign(actionMessage(input), secret)),
    signBallot: async (input) => toBase64url(ed25519.sign(ballotMessage(input), secret)),
    replace: no,
  };
  // Only the identity: this test stores nothing and opens no files.
  return { kind: 'browser', identity } as unknown as Host;
}

function peer(seed: number, me: Me, doc: Y.Doc) {
  const board = createBoardStore(doc, () => ({ name: me.name, side: me.side }));
  upsertParticipant(doc, { id: me.participantId, name: me.name, side: me.side, role: '', publicKey: keyOf(seed) }, seed);
  const controller = createFacilitationController({ host: hostWithKey(seed), doc, board, vault: memoryVault(WS), me: () => me, navigate: () => undefined });
  controller.start();
  const actions = createFacilitationActions(controller);
  startFacilitationDuties(controller, actions);
  const workshop = { id: WS, doc, board, facilitation: { controller, actions } } as unknown as OpenWorkshop;
  return { board, actions, workshop };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('minutes of an open workshop', () => {
  it('minute each revealed round per card, IT and OT apart', async () => {
    const docs = [new Y.Doc(), new Y.Doc()] as const;
    for (const a of docs) a.on('update', (u: Uint8Array, origin: unknown) => docs.forEach((b) => b !== a && origin !== b && Y.applyUpdate(b, u, a)));
    initWorkshop(docs[0], { title: 'Line 4', facilitator: 'Fay', createdAt: 1 }, null, { publicKey: keyOf(1), participantId: 'p-fac' });
    const fac = peer(1, { participantId: 'p-fac', name: 'Fay', side: 'IT' }, docs[0]);
    const ot = peer(2, { participantId: 'p-ot', name: 'Olga', side: 'OT' }, docs[1]);
    await settle();
    const uptime = fac.board.getState().addCard('goals', { title: 'Fewer unplanned stops' });
    const gpu = fac.board.getState().addCard('parking', { title: 'Who pays for the GPUs?' });
    if (!uptime.ok || !gpu.ok) throw new Error('cards not added');
    await fac.actions.startVote(5);
    await settle();
    await ot.actions.castVote({ [uptime.value]: 4, [gpu.value]: 1 });
    await fac.actions.castVote({ [uptime.value]: 1 });
    await settle();
    // Hidden: nothing to minute yet.
    expect(minutesSource(fac.workshop).rounds).toEqual([]);
    await fac.actions.revealVotes();
    await settle();

    const input = minutesSource(ot.workshop, () => 1_700_000_000_000);
    expect(input.takenAt).toBe(1_700_000_000_000);
    expect(input.participants.map((p) => p.name)).toEqual(['Fay', 'Olga']);
    const minutes = buildMinutes(input);
    expect(minutes.rounds).toEqual([{ number: 1, budget: 5, ballotsCounted: 2, ballotsRejected: 0, votersBySide: { IT: 1, OT: 1, facilitator: 0 } }]);
    const cards = minutes.sections.flatMap((s) => s.cards);
    expect(cards.find((c) => c.title === 'Fewer unplanned stops')?.votes).toEqual([{ round: 1, it: 1, ot: 4, facilitator: 0, total: 5, split: true }]);
    expect(cards.find((c) => c.title === 'Who pays for the GPUs?')?.votes).toEqual([{ round: 1, it: 0, ot: 1, facilitator: 0, total: 1, split: false }]);
    expect(renderMinutesMarkdown(input, englishWords)).toContain('- Round 1: 5 dots (IT 1, OT 4); split: far more from OT');
  });
});
