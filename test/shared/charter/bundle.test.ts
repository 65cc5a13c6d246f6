// A signed bundle verifies; signatures that should not count are rejected as they arrive.
import { describe, expect, it } from 'vitest';
import { addSignature, verifyBundle } from '../../../shared/charter';
import { frozenBundle, makeIdentity, makeRoom, signAs, signedBundle } from './charterFixtures';

describe('verifyBundle', () => {
  const room = makeRoom();

  it('accepts a bundle signed by IT, OT and the facilitator', () => {
    const verdict = verifyBundle(signedBundle(room));
    expect(verdict.problems).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.signers.map((s) => [s.name, s.status])).toEqual([
      ['Ana Lopez', 'valid'],
      ['Bo Schmidt', 'valid'],
      ['Cy Facilitator', 'valid'],
    ]);
    expect(verdict.signers[0]?.fingerprint).toBe(room.it.participant.fingerprint);
  });

  it('is not final until the quorum is met, and says who is missing', () => {
    const verdict = verifyBundle(signedBundle(room, [room.it]));
    expect(verdict.valid).toBe(false);
    expect(verdict.quorum).toMatchObject({ met: false, missing: ['1 more OT signer', 'the facilitator'], needs: [{ kind: 'side', side: 'OT', count: 1 }, { kind: 'facilitator' }] });
  });

  it('rejects a key that is not on the roster', () => {
    const bundle = frozenBundle(room);
    const stranger = makeIdentity('p-x', 'Mallory', 'IT');
    const result = addSignature(bundle, signAs(bundle, stranger));
    expect(result).toMatchObject({ ok: false, status: 'unknown-key' });
  });

  it('rejects a stranger signing under a roster id', () => {
    const bundle = frozenBundle(room);
    const stranger = makeIdentity('p-it', 'Mallory', 'IT');
    const result = addSignature(bundle, signAs(bundle, stranger));
    expect(result).toMatchObject({ ok: false, status: 'unknown-key' });
  });

  it('rejects a second signature by the same person', () => {
    const bundle = signedBundle(room, [room.it]);
    const result = addSignature(bundle, signAs(bundle, room.it, '2026-11-24T23:00:00Z'));
    expect(result).toMatchObject({ ok: false, status: 'duplicate' });
  });
});
