// Hidden dot votes in rounds started before ballots were signed (older workshops): ballots are
// unreadable until the facilitator reveals the round key; then everyone sees the same results,
// with IT and OT apart. Over-budget, moved or late ballots do not count. Signed ballots:
// signedBallots.test.ts.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ballotDigest,
  ballotsCast,
  createRoundKeys,
  currentRound,
  decryptBallot,
  encryptBallot,
  facilitationMap,
  readBallotEntries,
  readFacilitation,
  roundResults,
  winners,
  writeBallot,
  type Dots,
} from '../../../shared/facilitation';
import type { Side } from '../../../shared/board';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const facilitator = testKey(4);
const ROUND = 'round-0001';

async function startRound(doc: Y.Doc, budget = 3) {
  const keys = createRoundKeys();
  await act(doc, facilitator, 1, { type: 'voting.start', roundId: ROUND, budget, publicKey: keys.publicKey });
  return keys;
}

function vote(doc: Y.Doc, publicKey: string, voterId: string, side: Side, dots: Dots) {
  writeBallot(doc, ROUND, encryptBallot(publicKey, side, dots, { workshopId: WORKSHOP, roundId: ROUND, voterId }));
}

const digests = (doc: Y.Doc) => [...readBallotEntries(doc, ROUND).values()].map((e) => ballotDigest(String(e)));
const round = (doc: Y.Doc) => {
  const r = currentRound(readFacilitation(doc, WORKSHOP, facilitator.publicKey));
  if (!r) throw new Error('no round');
  return r;
};

describe('hidden dot voting', () => {
  it('opens a ballot the release before signed ballots sealed (its bytes, written by that code)', () => {
    const round = { secretKey: 'L-ipXWx8NIhGcBWtDKbvfxA2JGMm_hgOl2xE4vjJV74', publicKey: '1tmzXDfUa8psazqKWqgjV71_lUuQSzdqYdoqnEDeQyY' };
    const entry = '{"voterId":"p-ot","side":"OT","eph":"HwqIBjnpMaqiFpDM6A2dBFDLLR-AnzwC0TscRZzLQ2I","ct":"DxnA1lDUfSeRLsHLudAiHx_Ez_hfDRk","tag":"1zFBK6qfbsFkXMmm0TtaXS0TJjZN-1s4LHHy31vDq5g"}';
    expect(decryptBallot(round.secretKey, round.publicKey, entry, { workshopId: 'ws-line4', roundId: 'round000000000001' })).toEqual({ 'card-a': 2, 'card-b': 1 });
    // Under another name, round or workshop it does not open.
    expect(decryptBallot(round.secretKey, round.publicKey, entry.replace('p-ot', 'p-it'), { workshopId: 'ws-line4', roundId: 'round000000000001' })).toBeNull();
    expect(decryptBallot(round.secretKey, round.publicKey, entry, { workshopId: 'ws-line4', roundId: 'round000000000002' })).toBeNull();
  });

  it('before the reveal the doc holds no readable vote, only who has voted', async () => {
    const doc = new Y.Doc();
    const keys = await startRound(doc);
    vote(doc, keys.publicKey, 'ana', 'IT', { 'card-patching': 3 });
    const bytes = new TextDecoder().decode(Y.encodeStateAsUpdate(doc));
    expect(bytes).not.toContain('card-patching');
    expect(roundResults(doc, WORKSHOP, round(doc))).toBeNull();
    expect(ballotsCast(doc, WORKSHOP, round(doc))).toEqual({ IT: 1, OT: 0, facilitator: 0 });
  });

  it('after the reveal everyone gets the same tallies, IT and OT apart, and a split is flagged', async () => {
    const doc = new Y.Doc();
    const keys = await startRound(doc);
    vote(doc, keys.publicKey, 'ana', 'IT', { a: 3 });
    vote(doc, keys.publicKey, 'ben', 'IT', { a: 2, b: 1 });
    vote(doc, keys.publicKey, 'olga', 'OT', { b: 3 });
    vote(doc, keys.publicKey, 'otto', 'OT', { b: 2, c: 1 });
    await act(doc, facilitator, 2, { type: 'voting.reveal', roundId: ROUND, secretKey: keys.secretKey, counted: digests(doc) });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const results = roundResults(peer, WORKSHOP, round(peer));
    expect(results?.tallies).toEqual([
      { cardId: 'b', it: 1, ot: 5, facilitator: 0, total: 6, split: true },
      { cardId: 'a', it: 5, ot: 0, facilitator: 0, total: 5, split: true },
      { cardId: 'c', it: 0, ot: 1, facilitator: 0, total: 1, split: false },
    ]);
    expect(results?.votersBySide).toEqual({ IT: 2, OT: 2, facilitator: 0 });
    expect(winners(results ?? { tallies: [], ballotsCounted: 0, ballotsRejected: 0, votersBySide: { IT: 0, OT: 0, facilitator: 0 } }, 2)).toEqual(['b', 'a']);
  });

  it('a ballot over the budget, one copied under another name, and one changed after the reveal do not count', async () => {
    const doc = new Y.Doc();
    const keys = await startRound(doc, 3);
    vote(doc, keys.publicKey, 'ana', 'IT', { a: 4 });
    vote(doc, keys.publicKey, 'olga', 'OT', { a: 1 });
    const olga = facilitationMap(doc).get(`b:${ROUND}:olga`);
    facilitationMap(doc).set(`b:${ROUND}:otto`, String(olga).replace('"olga"', '"otto"'));
    await act(doc, facilitator, 2, { type: 'voting.reveal', roundId: ROUND, secretKey: keys.secretKey, counted: digests(doc) });
    // Olga sees the results and moves her dot.
    vote(doc, keys.publicKey, 'olga', 'OT', { b: 3 });
    const results = roundResults(doc, WORKSHOP, round(doc));
    expect(results?.ballotsCounted).toBe(0);
    expect(results?.ballotsRejected).toBe(3);
    expect(results?.tallies).toEqual([]);
  });

  it('a reveal that publishes a key that is not the round key reveals nothing', async () => {
    const doc = new Y.Doc();
    const keys = await startRound(doc);
    vote(doc, keys.publicKey, 'ana', 'IT', { a: 1 });
    await act(doc, facilitator, 2, { type: 'voting.reveal', roundId: ROUND, secretKey: createRoundKeys().secretKey, counted: digests(doc) });
    expect(round(doc).status).toBe('open');
    expect(roundResults(doc, WORKSHOP, round(doc))).toBeNull();
  });
});
