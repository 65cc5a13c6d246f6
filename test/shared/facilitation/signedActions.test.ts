// Facilitator authority: only actions signed with the pinned facilitator key, for this
// workshop, with a fresh sequence number and untouched content, change what peers see.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { facilitationMap, readFacilitation, writeSignedAction, currentPhase, sectionOpen, encodeSignedAction } from '../../../shared/facilitation';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const facilitator = testKey(1);
const participant = testKey(2);

const phaseOf = (doc: Y.Doc) => currentPhase(readFacilitation(doc, WORKSHOP, facilitator.publicKey))?.id ?? null;

describe('signed facilitator actions', () => {
  it('a valid phase change moves everyone and closes the other sections', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'goals' });
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(currentPhase(state)?.title).toBe('Common goals');
    expect(sectionOpen(state, 'goals')).toBe(true);
    expect(sectionOpen(state, 'tradeoffs')).toBe(false);
    expect(state.refused).toEqual([]);
  });

  it('before any phase every section is open', () => {
    const state = readFacilitation(new Y.Doc(), WORKSHOP, facilitator.publicKey);
    expect(sectionOpen(state, 'accountability')).toBe(true);
  });

  it("a participant's phase change, signed with their own key, is refused as the wrong key", async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'goals' });
    await act(doc, participant, 2, { type: 'phase.set', phaseId: 'sign' });
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(currentPhase(state)?.id).toBe('goals');
    expect(state.refused).toMatchObject([{ reason: 'wrong-key', what: 'move to phase "sign"', publicKey: participant.publicKey }]);
  });

  it("a forgery claiming the facilitator's key but signed by someone else is refused", async () => {
    const doc = new Y.Doc();
    const forged = await participant.sign(WORKSHOP, 1, { type: 'phase.set', phaseId: 'vote' });
    writeSignedAction(doc, { ...forged, publicKey: facilitator.publicKey });
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(currentPhase(state)).toBeNull();
    expect(state.refused.map((r) => r.reason)).toEqual(['bad-signature']);
  });

  it('an unsigned action is refused', async () => {
    const doc = new Y.Doc();
    facilitationMap(doc).set('a:1:x', JSON.stringify({ v: 1, workshopId: WORKSHOP, seq: 1, action: { type: 'anonymity.set', anonymous: true }, publicKey: facilitator.publicKey }));
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(state.anonymous).toBe(false);
    expect(state.refused).toMatchObject([{ reason: 'unsigned', what: 'turn anonymous ideation on' }]);
  });

  it('a tampered action (content edited after signing) is refused', async () => {
    const doc = new Y.Doc();
    const signed = await facilitator.sign(WORKSHOP, 1, { type: 'timer.start', durationMs: 60_000, at: 1_000_000 });
    facilitationMap(doc).set('a:1:t', encodeSignedAction({ ...signed, action: { type: 'timer.start', durationMs: 3_600_000, at: 1_000_000 } }));
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(state.timer.status).toBe('idle');
    expect(state.refused.map((r) => r.reason)).toEqual(['bad-signature']);
  });

  it('a tampered sequence number is refused', async () => {
    const doc = new Y.Doc();
    const signed = await facilitator.sign(WORKSHOP, 1, { type: 'phase.set', phaseId: 'frame' });
    facilitationMap(doc).set('a:9:t', encodeSignedAction({ ...signed, seq: 9 }));
    expect(readFacilitation(doc, WORKSHOP, facilitator.publicKey).refused.map((r) => r.reason)).toEqual(['bad-signature']);
  });

  it('a replayed action (an old signed one written again) is refused and changes nothing', async () => {
    const doc = new Y.Doc();
    const first = await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'frame' });
    await act(doc, facilitator, 2, { type: 'phase.set', phaseId: 'vote' });
    // The attacker copies the old "move to Frame" under another key of the map.
    facilitationMap(doc).set('a:1:replay', encodeSignedAction(first));
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(currentPhase(state)?.id).toBe('vote');
    expect(state.refused).toMatchObject([{ reason: 'replayed', what: 'move to phase "frame"' }]);
  });

  it("an action signed for another workshop is refused here", async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'sign' }, 'ws-other');
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(currentPhase(state)).toBeNull();
    expect(state.refused.map((r) => r.reason)).toEqual(['wrong-workshop']);
  });

  it.each([
    ['not JSON', '{nope'],
    ['not a string', 42],
    ['an unknown action', JSON.stringify({ v: 1, workshopId: WORKSHOP, seq: 1, action: { type: 'board.wipe' }, publicKey: 'x', signature: 'y' })],
    ['an oversized entry', 'x'.repeat(20_000)],
  ])('garbage (%s) is refused as malformed without throwing', (_what, value) => {
    const doc = new Y.Doc();
    facilitationMap(doc).set('a:1:g', value);
    expect(readFacilitation(doc, WORKSHOP, facilitator.publicKey).refused.map((r) => r.reason)).toEqual(['malformed']);
  });

  it('without a pinned facilitator key nothing applies', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'goals' });
    expect(phaseOf(doc)).toBe('goals');
    expect(currentPhase(readFacilitation(doc, WORKSHOP, null))).toBeNull();
  });
});
