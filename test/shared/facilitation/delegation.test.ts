// Who may act, as every peer's fold decides it: the workshop's facilitator key; a co-facilitator
// within the rights and the expiry the facilitator signed; whoever the workshop was handed over
// to; nobody else, whatever they sign. Per signer, a sequence number used twice is a replay.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentPhase, holdsAuthority, readFacilitation, type FacilitatorAction } from '../../../shared/facilitation';
import { act, testKey, WORKSHOP, type TestKey } from '../../support/facilitatorKeys';

const fac = testKey(1);
const cole = testKey(2);
const mallory = testKey(3);
const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

const grant = (to: TestKey, rights: ('run' | 'votes' | 'charter')[], expiresAt = T0 + HOUR): FacilitatorAction => ({ type: 'delegation.grant', delegate: to.publicKey, participantId: 'p-cole', name: 'Cole', rights, expiresAt, at: T0 });
const phase = (phaseId: string, at = T0 + 1): FacilitatorAction => ({ type: 'phase.set', phaseId, at });
const state = (doc: Y.Doc) => readFacilitation(doc, WORKSHOP, fac.publicKey);

describe('delegation and handover', () => {
  it('a co-facilitator acts within their rights until the expiry; the facilitator can always act', async () => {
    const doc = new Y.Doc();
    await act(doc, fac, 1, grant(cole, ['run']));
    await act(doc, cole, 2, phase('frame'));
    expect(currentPhase(state(doc))?.id).toBe('frame');
    // Not a right Cole holds: refused.
    await act(doc, cole, 3, { type: 'charter.quorum', rule: { minIT: 2, minOT: 2, facilitator: true, requiredSigners: [], requireSeal: true }, at: T0 + 2 });
    expect(state(doc).quorum).toBeNull();
    // Without a time, or after the expiry: refused.
    await act(doc, cole, 4, { type: 'phase.set', phaseId: 'language' });
    await act(doc, cole, 5, phase('goals', T0 + HOUR + 1));
    expect(currentPhase(state(doc))?.id).toBe('frame');
    expect(state(doc).refused.map((r) => r.reason)).toEqual(['wrong-key', 'wrong-key', 'wrong-key']);
    expect(holdsAuthority(state(doc), cole.publicKey, T0 + HOUR)).toBe(true);
    expect(holdsAuthority(state(doc), cole.publicKey, T0 + HOUR + 1)).toBe(false);
    expect(holdsAuthority(state(doc), cole.publicKey, T0, 'charter')).toBe(false);
    await act(doc, fac, 6, phase('tradeoffs', T0 + 2 * HOUR));
    expect(currentPhase(state(doc))?.id).toBe('tradeoffs');
  });

  it('only the facilitator delegates, revokes and hands over; a key that delegates to itself gets nothing', async () => {
    const doc = new Y.Doc();
    await act(doc, mallory, 1, grant(mallory, ['run', 'votes', 'charter']));
    await act(doc, mallory, 2, phase('frame'));
    expect(state(doc).coFacilitators).toEqual([]);
    await act(doc, fac, 3, grant(cole, ['run', 'votes', 'charter']));
    // A co-facilitator with every right still cannot delegate, revoke or hand over.
    await act(doc, cole, 4, grant(mallory, ['run']));
    await act(doc, cole, 5, { type: 'handover', to: cole.publicKey, participantId: 'p-cole', name: 'Cole', at: T0 + 1 });
    expect(state(doc).coFacilitators.map((c) => c.publicKey)).toEqual([cole.publicKey]);
    expect(state(doc).facilitator?.publicKey).toBe(fac.publicKey);
    await act(doc, fac, 6, { type: 'delegation.revoke', delegate: cole.publicKey, at: T0 + 2 });
    await act(doc, cole, 7, phase('language', T0 + 3));
    expect(currentPhase(state(doc))).toBeNull();
  });

  it('after a handover the new facilitator holds it all and the old key nothing', async () => {
    const doc = new Y.Doc();
    await act(doc, fac, 1, { type: 'handover', to: cole.publicKey, participantId: 'p-cole', name: 'Cole', at: T0 });
    await act(doc, fac, 2, phase('frame'));
    expect(currentPhase(state(doc))).toBeNull();
    await act(doc, cole, 3, grant(mallory, ['votes']));
    await act(doc, cole, 4, phase('language'));
    const s = state(doc);
    expect(s.facilitator).toMatchObject({ publicKey: cole.publicKey, name: 'Cole', since: 'handover' });
    expect(currentPhase(s)?.id).toBe('language');
    expect(s.coFacilitators.map((c) => c.publicKey)).toEqual([mallory.publicKey]);
  });

  it('a signer may not use a sequence number twice (a copy under another key is a replay)', async () => {
    const doc = new Y.Doc();
    const signed = await act(doc, fac, 1, phase('frame'));
    // The same signed action again under another log key: refused as a replay, not applied twice.
    doc.getMap('facilitation').set(`a:1:copy`, JSON.stringify(signed));
    await act(doc, fac, 2, phase('language'));
    const s = state(doc);
    expect(currentPhase(s)?.id).toBe('language');
    expect(s.refused.map((r) => r.reason)).toEqual(['replayed']);
  });
});
