// Tamper tests over every field of a signed bundle: each leaf value is changed in turn, and the
// bundle must either fail to parse or fail to verify with a message that points at the change.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM, addSignature, applySeal, canonicalJson, freezeCharter, parseBundle, verifyBundle, createBundle, type CharterBundle } from '../../../shared/charter';
import { facilitatorOf, frozenBundle, makeIdentity, makeRoom, sealAs, signAs, signedBundle, FROZEN_AT } from './charterFixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function leaves(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

const SIDES = ['IT', 'OT', 'facilitator'];
/** A different value of the same kind, so most changes still parse and must be caught by verification. */
function mutate(value: Json): Json {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value !== 'string') return 'x';
  if (SIDES.includes(value)) return SIDES[(SIDES.indexOf(value) + 1) % 3] ?? 'IT';
  if (/^[0-9a-f]{64}$/.test(value)) return value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value)) return value.replace(/:(\d)\dZ$/, ':$19Z').replace(/9Z$/, value.endsWith('9Z') ? '8Z' : '9Z');
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return value.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
  if (/^[A-Za-z0-9_-]{43}$|^[A-Za-z0-9_-]{86}$/.test(value)) return (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
  return value === '' ? 'x' : `${value}!`;
}

function withChange(bundle: CharterBundle, path: Path): unknown {
  const copy = JSON.parse(JSON.stringify(bundle)) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  node[last] = mutate(node[last] as Json);
  return copy;
}

/** What the problem message must mention for a change at this path. */
function expectedMessage(path: Path): RegExp {
  const [top, index] = path;
  if (top === 'charter') return /changed after it was frozen.*Changed: /;
  if (top === 'digest') return /recorded digest/;
  if (top === 'partDigests') return /per-part digests were edited/;
  if (top === 'signatures') return new RegExp(`Signature ${Number(index) + 1} `);
  if (top === 'seal') return /Seal: /;
  return /./;
}

describe('tampering with a signed bundle', () => {
  const room = makeRoom();
  const bundle = signedBundle(room);
  const paths = leaves(JSON.parse(JSON.stringify(bundle)) as Json);

  it('starts from a valid bundle with many fields', () => {
    expect(verifyBundle(bundle).valid).toBe(true);
    expect(paths.length).toBeGreaterThan(100);
  });

  it.each(paths.map((p) => [p.join('.'), p] as const))('detects a change to %s', (_name, path) => {
    const parsed = parseBundle(withChange(bundle, path));
    if (!parsed.ok) {
      // Still detected: the verifier refuses the file and names the field.
      expect(parsed.error).toContain(String(path[path.length - 1]));
      return;
    }
    const verdict = verifyBundle(parsed.bundle);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems.join('\n')).toMatch(expectedMessage(path));
  });

  it('names the changed section and roster entry', () => {
    const edited = structuredClone(bundle);
    const goals = edited.charter.content.sections.find((s) => s.id === 'goals');
    if (!goals?.items[0]) throw new Error('fixture has a goal');
    goals.items[0].fields.target = 'under 20 h';
    const ana = edited.charter.roster[0];
    if (!ana) throw new Error('fixture has a roster');
    ana.role = 'CISO';
    const text = verifyBundle(edited).problems.join('\n');
    expect(text).toContain('the "Common goals" section');
    expect(text).toContain('the roster entry of Ana Lopez (p-it)');
    expect(verifyBundle(edited).signers.every((s) => s.status === 'wrong-version')).toBe(true);
  });

  it('detects a removed signature through the seal, even when the quorum still holds', () => {
    const extra = makeIdentity('p-it2', 'Dee Extra', 'IT');
    const bigRoom = { ...room, all: [...room.all, extra] };
    const four = signedBundle(bigRoom);
    expect(verifyBundle(four).valid).toBe(true);
    for (let i = 0; i < 4; i++) {
      const verdict = verifyBundle({ ...four, signatures: four.signatures.filter((_, k) => k !== i) });
      expect(verdict.valid).toBe(false);
      expect(verdict.seal.status).toBe('set-changed');
      expect(verdict.problems.join('\n')).toMatch(/after Cy Facilitator sealed the charter: the seal covers 4, and the file has 3/);
    }
  });

  it('detects a stripped seal, and a seal by someone other than a facilitator', () => {
    const { seal: _seal, ...stripped } = bundle;
    expect(verifyBundle(stripped).problems.join('\n')).toMatch(/Seal: no facilitator has sealed/);
    const byIt = applySeal({ ...stripped }, sealAs(stripped, room.it));
    expect(byIt).toMatchObject({ ok: false, status: 'not-facilitator' });
  });

  it('a late signature needs a new seal', () => {
    const open = signedBundle(room, [room.it, room.fac]);
    const late = addSignature(open, signAs(open, room.ot));
    if (!late.ok) throw new Error(late.reason);
    expect(late.bundle.seal).toBeUndefined();
    const resealed = applySeal(late.bundle, sealAs(late.bundle, room.fac));
    expect(resealed.ok && verifyBundle(resealed.bundle).valid).toBe(true);
  });

  it('needs no seal when the frozen rule says so, and then says why the quorum is reduced', () => {
    const reason = 'Signed at the plant gate; the facilitator seals the paper copy.';
    const unsealed = signedBundle(room, room.all, { ...DEFAULT_QUORUM, requireSeal: false, reducedReason: reason }, false);
    expect(verifyBundle(unsealed)).toMatchObject({ valid: true, seal: { status: 'missing', required: false }, reducedQuorum: reason });
    expect(verifyBundle(bundle).reducedQuorum).toBeNull();
  });

  it('a rule below the floor cannot be frozen without a reason, and a hand-made one without a reason is invalid', () => {
    const lowered = { ...DEFAULT_QUORUM, minIT: 0, minOT: 0 };
    expect(() => frozenBundle(room, lowered)).toThrow(/below the default .*no IT signer is required; no OT signer is required.*write down why/);
    // Someone edits the file to drop the reason (and signs everything again): still not valid.
    const reason = 'Only the OT lead could attend.';
    const made = frozenBundle(room, { ...lowered, reducedReason: reason });
    const { reducedReason: _dropped, ...rule } = made.charter.quorum;
    const charter = { ...made.charter, quorum: rule };
    const stripped = createBundle(freezeCharter({ charterId: charter.charterId, content: charter.content, roster: charter.roster, quorum: { ...rule, reducedReason: 'x' }, frozenAt: FROZEN_AT, ...(charter.facilitator ? { facilitator: charter.facilitator } : {}) }));
    const bare = { ...stripped, charter: { ...stripped.charter, quorum: rule } };
    const verdict = verifyBundle(bare as CharterBundle);
    expect(verdict.valid).toBe(false);
    expect(verdict.reducedQuorum).toBe('(no reason given)');
    expect(verdict.problems.join('\n')).toMatch(/below the floor .* gives no reason/);
    // A reason on a rule at the floor is refused too: it would read as a reduction that is not there.
    const padded = { ...bundle, charter: { ...bundle.charter, quorum: { ...bundle.charter.quorum, reducedReason: 'nothing' } } };
    expect(verifyBundle(padded).problems.join('\n')).toMatch(/reason for a reduction it does not make/);
  });

  it('only the facilitator’s key (or a co-facilitator’s with the right) seals; the side "facilitator" on the roster grants nothing', () => {
    const impostor = makeIdentity('p-imp', 'Ivy Impostor', 'facilitator');
    const withImpostor = { ...room, all: [...room.all, impostor] };
    let signed = frozenBundle(withImpostor);
    for (const who of room.all) {
      const added = addSignature(signed, signAs(signed, who));
      if (!added.ok) throw new Error(added.reason);
      signed = added.bundle;
    }
    const byImpostor = { ...signed, seal: sealAs(signed, impostor) };
    expect(verifyBundle(byImpostor)).toMatchObject({ valid: false, seal: { status: 'not-facilitator' } });
    expect(verifyBundle({ ...signed, seal: sealAs(signed, room.fac) }).valid).toBe(true);
    // The quorum's "facilitator signs" is the facilitator's key too: the impostor's signature does not count for it.
    let onlyImpostor = frozenBundle(withImpostor);
    for (const who of [room.it, room.ot, impostor]) {
      const added = addSignature(onlyImpostor, signAs(onlyImpostor, who));
      if (!added.ok) throw new Error(added.reason);
      onlyImpostor = added.bundle;
    }
    expect(verifyBundle(onlyImpostor).quorum).toMatchObject({ met: false, missing: ['the facilitator'] });

    // A co-facilitator seals only with the right 'charter' and before their delegation ends.
    const co = (rights: ('run' | 'votes' | 'charter')[], expiresAt: string) => [{ publicKey: impostor.participant.publicKey, fingerprint: impostor.participant.fingerprint, name: impostor.participant.name, participantId: 'p-imp', expiresAt, rights }];
    for (const [rights, expiresAt, status] of [
      [['charter'], '2026-11-25T00:00:00.000Z', 'valid'],
      [['run', 'votes'], '2026-11-25T00:00:00.000Z', 'not-facilitator'],
      [['charter'], '2026-11-24T22:09:00.000Z', 'not-facilitator'],
    ] as const) {
      let b = frozenBundle(withImpostor, undefined, undefined, facilitatorOf(room, co([...rights], expiresAt)));
      for (const who of room.all) {
        const added = addSignature(b, signAs(b, who));
        if (!added.ok) throw new Error(added.reason);
        b = added.bundle;
      }
      expect(verifyBundle({ ...b, seal: sealAs(b, impostor) }).seal.status).toBe(status);
    }
  });

  it('a version frozen before facilitator keys still verifies by roster side, and says so', () => {
    const old = frozenBundle(room, undefined, undefined, null);
    let b = old;
    for (const who of room.all) {
      const added = addSignature(b, signAs(b, who));
      if (!added.ok) throw new Error(added.reason);
      b = added.bundle;
    }
    const verdict = verifyBundle({ ...b, seal: sealAs(b, room.fac) });
    expect(verdict).toMatchObject({ valid: true, facilitator: null });
  });

  it('a facilitator fingerprint that does not match its key is caught', () => {
    const f = bundle.charter.facilitator;
    if (!f) throw new Error('fixture has no facilitator');
    const wrong = { ...bundle, charter: { ...bundle.charter, facilitator: { ...f, fingerprint: room.it.participant.fingerprint } } };
    expect(verifyBundle(wrong).problems.join('\n')).toMatch(/fingerprint shown for the facilitator .* does not match/);
  });

  it('detects added signatures: a copy, a stranger, a forgery', () => {
    const copy = { ...bundle, signatures: [...bundle.signatures, bundle.signatures[0]!] };
    expect(verifyBundle(copy).signers[3]?.status).toBe('duplicate');
    expect(verifyBundle(copy).valid).toBe(false);

    const mallory = makeIdentity('p-m', 'Mallory', 'OT');
    const stranger = { ...bundle, signatures: [...bundle.signatures, signAs(bundle, mallory)] };
    expect(verifyBundle(stranger).signers[3]?.status).toBe('unknown-key');
    expect(verifyBundle(stranger).problems.join('\n')).toMatch(/Signature 4 .*not on the roster/);

    const forged = { ...signAs(bundle, room.ot, '2026-11-25T01:00:00Z'), signature: bundle.signatures[1]!.signature };
    const forgery = { ...bundle, signatures: [...bundle.signatures, forged] };
    expect(verifyBundle(forgery).signers[3]?.status).toBe('bad-signature');
  });

  it('rejects a signature made over another version of the charter', () => {
    const v1 = frozenBundle(room);
    const v1Frozen = { charter: v1.charter, canonical: canonicalJson(v1.charter), digest: v1.digest };
    const v2 = createBundle(
      freezeCharter({ charterId: v1.charter.charterId, content: { ...v1.charter.content, scope: 'All lines' }, roster: v1.charter.roster, quorum: v1.charter.quorum, frozenAt: FROZEN_AT, previous: v1Frozen }),
    );
    expect(v2.charter.version).toBe(2);
    expect(v2.charter.previousDigest).toBe(v1.digest);
    const old = signAs(v1, room.it);
    const result = addSignature(v2, old);
    expect(result).toMatchObject({ ok: false, status: 'wrong-version' });
    const smuggled = verifyBundle({ ...v2, signatures: [old] });
    expect(smuggled.signers[0]?.status).toBe('wrong-version');
    expect(smuggled.problems.join('\n')).toMatch(/signed version 1, not this version 2/);
  });
});
