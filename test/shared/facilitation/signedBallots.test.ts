// Signed ballots: a ballot counts only if the key the roster lists for its voter signed it, for
// this workshop, round, voter and revision; the voter's newest revision is their vote. Forged,
// replayed (from another round or workshop), copied and overwritten ballots never count, and the
// update guard refuses a change to a written ballot.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { toBase64url } from '../../../shared/crypto';
import { upsertParticipant, type Side } from '../../../shared/board';
import { checkWorkshopUpdate, initWorkshop } from '../../../shared/schema';
import {
  ballotMessage,
  ballotSigningInput,
  countedDigests,
  createRoundKeys,
  currentRound,
  facilitationMap,
  readFacilitation,
  roundResults,
  sealDots,
  signedBallotKey,
  writeSignedBallot,
  type Dots,
  type SignedBallot,
} from '../../../shared/facilitation';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const fac = testKey(1);
const ROUND = 'round-0001';
const secretOf = (seed: number) => new Uint8Array(32).fill(seed);
const keyOf = (seed: number) => toBase64url(ed25519.getPublicKey(secretOf(seed)));
const voters: Record<string, { seed: number; side: Side }> = { ana: { seed: 11, side: 'IT' }, olga: { seed: 12, side: 'OT' }, nora: { seed: 13, side: 'facilitator' } };

async function workshop() {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Line 4', facilitator: 'Fay', createdAt: 1 }, null, { publicKey: fac.publicKey, participantId: 'p-fac' });
  for (const [id, v] of Object.entries(voters)) upsertParticipant(doc, { id, name: id, side: v.side, role: '', publicKey: keyOf(v.seed) }, 1);
  const keys = createRoundKeys();
  await act(doc, fac, 1, { type: 'voting.start', roundId: ROUND, budget: 3, publicKey: keys.publicKey, signed: true });
  return { doc, keys };
}

/** A ballot as `signerSeed`'s key signs it, for `voterId`, in `roundId` of `workshopId`. */
function ballot(roundPublic: string, voterId: string, n: number, dots: Dots, signerSeed: number, where = { workshopId: WORKSHOP, roundId: ROUND }): SignedBallot {
  const ctx = { ...where, voterId };
  const box = sealDots(roundPublic, dots, ctx);
  const signature = toBase64url(ed25519.sign(ballotMessage(ballotSigningInput(ctx, n, box)), secretOf(signerSeed)));
  return { v: 2, voterId, n, box, publicKey: keyOf(signerSeed), signature };
}

const round = (doc: Y.Doc) => {
  const r = currentRound(readFacilitation(doc, WORKSHOP, fac.publicKey));
  if (!r) throw new Error('no round');
  return r;
};

async function reveal(doc: Y.Doc, secretKey: string) {
  await act(doc, fac, 2, { type: 'voting.reveal', roundId: ROUND, secretKey, counted: countedDigests(doc, WORKSHOP, round(doc)) });
  return roundResults(doc, WORKSHOP, round(doc));
}

describe('signed ballots', () => {
  it('count by the roster’s key and side, newest revision first', async () => {
    const { doc, keys } = await workshop();
    writeSignedBallot(doc, ROUND, ballot(keys.publicKey, 'ana', 1, { a: 3 }, 11));
    writeSignedBallot(doc, ROUND, ballot(keys.publicKey, 'ana', 2, { b: 1 }, 11));
    writeSignedBallot(doc, ROUND, ballot(keys.publicKey, 'olga', 1, { b: 2 }, 12));
    const results = await reveal(doc, keys.secretKey);
    expect(results?.tallies).toEqual([{ cardId: 'b', it: 1, ot: 2, facilitator: 0, total: 3, split: true }]);
    expect(results).toMatchObject({ ballotsCounted: 2, ballotsRejected: 0, votersBySide: { IT: 1, OT: 1, facilitator: 0 } });
  });

  it('a forged, replayed or copied ballot never counts, whatever revision it claims', async () => {
    const { doc, keys } = await workshop();
    writeSignedBallot(doc, ROUND, ballot(keys.publicKey, 'olga', 1, { b: 2 }, 12));
    // Mallory (not on the roster) signs a newer revision of Olga's ballot.
    writeSignedBallot(doc, ROUND, ballot(keys.publicKey, 'olga', 99, { a: 3 }, 66));
    // Ana's key signs a ballot in Olga's name.
    writeSignedBallot(doc, ROUND, ballot(keys.publicKey, 'olga', 98, { a: 3 }, 11));
    // Olga's own ballot from another workshop and another round, replayed here.
    const elsewhere = ballot(keys.publicKey, 'olga', 97, { a: 3 }, 12, { workshopId: 'ws-other', roundId: ROUND });
    const otherRound = ballot(keys.publicKey, 'olga', 96, { a: 3 }, 12, { workshopId: WORKSHOP, roundId: 'round-0002' });
    writeSignedBallot(doc, ROUND, elsewhere);
    writeSignedBallot(doc, ROUND, otherRound);
    // Olga's real ballot copied under Ana's name (and a revision number it was not signed for).
    const real = ballot(keys.publicKey, 'olga', 1, { b: 2 }, 12);
    facilitationMap(doc).set(signedBallotKey(ROUND, 'ana', real), JSON.stringify({ ...real, voterId: 'ana' }));
    facilitationMap(doc).set(signedBallotKey(ROUND, 'olga', { n: 5, signature: real.signature }), JSON.stringify(real));
    const results = await reveal(doc, keys.secretKey);
    expect(results?.tallies).toEqual([{ cardId: 'b', it: 0, ot: 2, facilitator: 0, total: 2, split: false }]);
    expect(results).toMatchObject({ ballotsCounted: 1, ballotsRejected: 6 });
  });

  it('the update guard refuses a change to a written ballot, so nobody can overwrite one', async () => {
    const { doc, keys } = await workshop();
    const mine = ballot(keys.publicKey, 'ana', 1, { a: 3 }, 11);
    writeSignedBallot(doc, ROUND, mine);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => updates.push(u));
    facilitationMap(peer).set(signedBallotKey(ROUND, 'ana', mine), JSON.stringify(ballot(keys.publicKey, 'ana', 1, { b: 3 }, 66)));
    expect(updates.map((u) => checkWorkshopUpdate(doc, u).ok)).toEqual([false]);
  });
});
