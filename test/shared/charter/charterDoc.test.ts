// The charter as it lives in the shared doc: versions, signatures and seals written by peers,
// synced by Yjs, and read back the same way on every peer. Concurrent freezes keep both texts,
// and anything forged, replayed or altered shows up as rejected rather than counting.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { upsertParticipant } from '../../../shared/board/roster';
import { readRoster } from '../../../shared/board/roster';
import {
  buildCharterDraft,
  charterMap,
  charterRosterOf,
  createBundle,
  freezeCharter,
  latestVersion,
  readCharterLedger,
  readDraftSettings,
  setDraftField,
  storeSeal,
  storeSignature,
  storeVersion,
  type FrozenVersion,
} from '../../../shared/charter';
import { FROZEN_AT, makeIdentity, makeRoom, sampleCards, sealAs, signAs, snapshotOf, type Room } from './charterFixtures';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function freezeIn(room: Room, purpose = 'How IT and OT run AI on line 4.', previous?: FrozenVersion, at = FROZEN_AT): FrozenVersion {
  const draft = buildCharterDraft({ snapshot: snapshotOf(sampleCards()), roster: room.all.map((i) => i.participant), purpose, scope: 'Line 4', reviewDate: '2027-05-01' });
  return freezeCharter({ charterId: 'ws-line4', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: at, ...(previous ? { previous } : {}) });
}

/** A room, a doc holding its first frozen version, and that version's bundle. */
function docWithVersion(): { room: Room; doc: Y.Doc; v1: FrozenVersion; bundle: ReturnType<typeof createBundle> } {
  const room = makeRoom();
  const doc = new Y.Doc();
  const v1 = freezeIn(room);
  storeVersion(doc, v1);
  return { room, doc, v1, bundle: createBundle(v1) };
}

function signAll(doc: Y.Doc, room: Room, frozen: FrozenVersion): void {
  const bundle = createBundle(frozen);
  for (const who of room.all) storeSignature(doc, frozen.digest, signAs(bundle, who));
}

describe('charter in the doc', () => {
  it('syncs a frozen version and its signatures to another peer, where the quorum and seal read the same', () => {
    const room = makeRoom();
    const a = new Y.Doc();
    const b = new Y.Doc();
    const v1 = freezeIn(room);
    storeVersion(a, v1);
    signAll(a, room, v1);
    sync(a, b);
    const beforeSeal = readCharterLedger(b).versions[0];
    expect(beforeSeal?.verdict.quorum.met).toBe(true);
    expect(beforeSeal?.seal).toBe('missing');
    expect(beforeSeal?.verdict.valid).toBe(false);

    storeSeal(b, v1.digest, sealAs(beforeSeal!.bundle, room.fac));
    sync(a, b);
    for (const doc of [a, b]) {
      const v = readCharterLedger(doc).versions[0];
      expect(v?.seal).toBe('valid');
      expect(v?.verdict.valid).toBe(true);
      expect(v?.bundle.signatures).toHaveLength(3);
    }
  });

  it('keeps both versions when two peers freeze version 2 at once, and each keeps its own signatures', () => {
    const room = makeRoom();
    const a = new Y.Doc();
    const b = new Y.Doc();
    const v1 = freezeIn(room);
    storeVersion(a, v1);
    sync(a, b);
    const fromA = freezeIn(room, 'Purpose as A wrote it', v1, new Date('2026-11-24T23:00:00Z'));
    const fromB = freezeIn(room, 'Purpose as B wrote it', v1, new Date('2026-11-24T23:00:01Z'));
    storeVersion(a, fromA);
    signAll(a, room, fromA);
    storeVersion(b, fromB);
    sync(a, b);
    const ledgerA = readCharterLedger(a);
    const ledgerB = readCharterLedger(b);
    expect(ledgerA.versions.map((v) => v.frozen.digest)).toEqual(ledgerB.versions.map((v) => v.frozen.digest));
    const twos = ledgerA.versions.filter((v) => v.frozen.charter.version === 2);
    expect(twos).toHaveLength(2);
    expect(twos.every((v) => v.conflict)).toBe(true);
    // The earlier freeze is the one new work builds on, on every peer.
    expect(latestVersion(ledgerA)?.frozen.digest).toBe(fromA.digest);
    expect(latestVersion(ledgerB)?.frozen.digest).toBe(fromA.digest);
    // A's signatures stay on A's text; B's text has none.
    expect(twos.find((v) => v.frozen.digest === fromA.digest)?.bundle.signatures).toHaveLength(3);
    expect(twos.find((v) => v.frozen.digest === fromB.digest)?.bundle.signatures).toHaveLength(0);
  });

  it('never lets a second write replace a frozen version', () => {
    const { room, doc, v1 } = docWithVersion();
    storeVersion(doc, { ...v1, canonical: freezeIn(room, 'other').canonical });
    expect(readCharterLedger(doc).versions[0]?.frozen.canonical).toBe(v1.canonical);
  });

  it('reports a version whose stored text was altered in the doc, and does not offer it for signing', () => {
    const { doc, v1 } = docWithVersion();
    charterMap(doc).set(`version.${v1.digest}`, v1.canonical.replace('How IT and OT', 'How IT alone'));
    const ledger = readCharterLedger(doc);
    expect(ledger.versions).toHaveLength(0);
    expect(ledger.damaged[0]?.problem).toMatch(/altered after it was frozen/);
  });

  it('shows a forged signature, one from a key not on the roster and one over another version as rejected, without displacing real ones', () => {
    const room = makeRoom();
    const doc = new Y.Doc();
    const v1 = freezeIn(room);
    const v2 = freezeIn(room, 'A second purpose', v1, new Date('2026-11-24T23:00:00Z'));
    storeVersion(doc, v1);
    storeVersion(doc, v2);
    const b2 = createBundle(v2);
    const real = signAs(b2, room.it);
    storeSignature(doc, v2.digest, real);
    // Forged: OT's identity claimed, signature bytes from someone else.
    const stranger = makeIdentity('p-x', 'Mallory', 'OT');
    const forged = { ...signAs(b2, stranger), signerId: room.ot.participant.id, publicKey: room.ot.participant.publicKey };
    storeSignature(doc, v2.digest, forged);
    storeSignature(doc, v2.digest, signAs(b2, stranger, '2026-11-24T22:06:00Z'));
    // Replayed: the facilitator's genuine signature on version 1, written under version 2.
    storeSignature(doc, v2.digest, signAs(createBundle(v1), room.fac));
    // Garbage under a signature key.
    charterMap(doc).set(`sig.${v2.digest}.junk`, '{"not":"a signature"}');

    const v = readCharterLedger(doc).versions.find((x) => x.frozen.digest === v2.digest);
    expect(v?.bundle.signatures.map((s) => s.signerId)).toEqual(['p-it']);
    expect(v?.rejected.map((r) => r.status).sort()).toEqual(['bad-signature', 'unknown-key', 'wrong-version']);
    expect(v?.unreadable).toBe(1);
    expect(v?.verdict.quorum.met).toBe(false);
  });

  it('treats a seal made before the last signature as needing a new seal', () => {
    const { room, doc, v1, bundle } = docWithVersion();
    storeSignature(doc, v1.digest, signAs(bundle, room.it));
    storeSignature(doc, v1.digest, signAs(bundle, room.fac));
    storeSeal(doc, v1.digest, sealAs(readCharterLedger(doc).versions[0]!.bundle, room.fac));
    expect(readCharterLedger(doc).versions[0]?.seal).toBe('valid');
    storeSignature(doc, v1.digest, signAs(bundle, room.ot));
    const after = readCharterLedger(doc).versions[0];
    expect(after?.seal).toBe('set-changed');
    expect(after?.bundle.seal).toBeUndefined();
    expect(after?.verdict.quorum.met).toBe(true);
    expect(after?.verdict.valid).toBe(false);
  });

  it('counts an in-person check only for the key it was made for, and only while it is marked', () => {
    const doc = new Y.Doc();
    const room = makeRoom();
    for (const who of room.all) upsertParticipant(doc, { ...who.participant, publicKey: who.participant.publicKey }, 1);
    // The facilitator's signed marks, as facilitation's state holds them.
    const checks = { 'p-it': { publicKey: room.it.participant.publicKey, checked: true }, 'p-ot': { publicKey: room.ot.participant.publicKey, checked: false } };
    const roster = charterRosterOf(readRoster(doc), checks);
    expect(roster.participants.find((p) => p.id === 'p-it')?.checkedInPerson).toBe(true);
    expect(roster.participants.find((p) => p.id === 'p-ot')?.checkedInPerson).toBe(false);
    // The key changes (a new device, or someone swapping it in): the old check no longer applies.
    upsertParticipant(doc, { ...room.it.participant, publicKey: makeIdentity('x', 'x', 'IT').participant.publicKey }, 3);
    expect(charterRosterOf(readRoster(doc), checks).participants.find((p) => p.id === 'p-it')?.checkedInPerson).toBe(false);
    // A participant id that names a property of every object is no check.
    expect(charterRosterOf([{ id: '__proto__', name: 'Proto', side: 'IT', role: '', joinedAt: 1, publicKey: room.it.participant.publicKey }], {}).participants[0]?.checkedInPerson).toBe(false);
  });

  it('lists roster members without a key apart, since they cannot sign', () => {
    const doc = new Y.Doc();
    upsertParticipant(doc, { id: 'p-1', name: 'No Key', side: 'OT', role: '' }, 1);
    expect(charterRosterOf(readRoster(doc), {})).toEqual({ participants: [], withoutKey: ['No Key'] });
  });

  it('keeps the draft texts in the doc; a quorum an older version stored there is not read', () => {
    const doc = new Y.Doc();
    setDraftField(doc, 'purpose', 'Why we are here');
    charterMap(doc).set('draft.quorum', '{"minIT":0,"minOT":0,"facilitator":false,"requiredSigners":[],"requireSeal":false}');
    expect(readDraftSettings(doc)).toEqual({ purpose: 'Why we are here', scope: '', reviewDate: '' });
  });
});

describe('charter ledger cache', () => {
  it('reuses a version’s verdict until one of its entries changes, and never serves a stale one', () => {
    const { room, doc, v1, bundle } = docWithVersion();
    storeSignature(doc, v1.digest, signAs(bundle, room.it));
    const first = readCharterLedger(doc).versions[0];
    expect(readCharterLedger(doc).versions[0]).toBe(first);
    // A hostile peer rewrites the stored entry under the same key: the verdict must follow.
    const key = [...charterMap(doc).keys()].find((k) => k.startsWith('sig.'));
    if (!key) throw new Error('no signature entry');
    const entry = JSON.parse(String(charterMap(doc).get(key))) as Record<string, unknown>;
    charterMap(doc).set(key, JSON.stringify({ ...entry, signedAt: '2026-11-24T23:59:59Z' }));
    const after = readCharterLedger(doc).versions[0];
    expect(after).not.toBe(first);
    expect(after?.bundle.signatures).toHaveLength(0);
    expect(after?.rejected[0]?.status).toBe('bad-signature');
  });
});
