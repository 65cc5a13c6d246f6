// Freezing: canonical, reproducible digests; new versions chain to the old; and a diff that
// tells re-signers what changed.
import { describe, expect, it } from 'vitest';
import { buildCharterDraft, canonicalJson, diffCharters, freezeCharter, DEFAULT_QUORUM } from '../../../shared/charter';
import { sha256Hex } from '../../../shared/crypto';
import { card, makeRoom, sampleCards, snapshotOf, FROZEN_AT } from './charterFixtures';

const room = makeRoom();
const roster = room.all.map((i) => i.participant);
const draftOf = (cards = sampleCards()) =>
  buildCharterDraft({ snapshot: snapshotOf(cards), roster, purpose: 'p', scope: 's', reviewDate: '2027-01-01' });

describe('freezeCharter', () => {
  it('hashes the RFC 8785 form, independent of key order', () => {
    const d = draftOf();
    const a = freezeCharter({ charterId: 'c', content: d.content, roster, quorum: DEFAULT_QUORUM, frozenAt: FROZEN_AT });
    const reordered = JSON.parse(JSON.stringify(d.content, Object.keys(d.content).reverse())) as typeof d.content;
    const b = freezeCharter({ charterId: 'c', content: { ...reordered, ...d.content }, roster, quorum: { requireSeal: true, requiredSigners: [], facilitator: true, minOT: 1, minIT: 1 }, frozenAt: FROZEN_AT });
    expect(a.digest).toBe(b.digest);
    expect(a.digest).toBe(sha256Hex(a.canonical));
    expect(a.canonical).toBe(canonicalJson(JSON.parse(a.canonical)));
    expect(a.charter).toMatchObject({ version: 1, frozenAt: '2026-11-24T22:00:00Z' });
    expect(a.charter.previousDigest).toBeUndefined();
  });

  it('makes version N+1 linked to N, and never changes N', () => {
    const cards = sampleCards();
    const v1 = freezeCharter({ charterId: 'c', content: draftOf(cards).content, roster, quorum: DEFAULT_QUORUM, frozenAt: FROZEN_AT });
    const before = canonicalJson(v1.charter);
    const edited = cards.map((c) => (c.section === 'goals' && c.status === 'agreed' ? { ...c, fields: { ...c.fields, target: 'under 1 h' } } : c));
    const newCard = card('skills', { title: 'Python for OT', teacher: 'Ana', learner: 'Bo' });
    const v2 = freezeCharter({ charterId: 'c', content: draftOf([...edited.filter((c) => c.section !== 'language'), newCard]).content, roster, quorum: DEFAULT_QUORUM, frozenAt: new Date('2026-11-24T23:00:00Z'), previous: v1 });
    expect(v2.charter.version).toBe(2);
    expect(v2.charter.previousDigest).toBe(v1.digest);
    expect(canonicalJson(v1.charter)).toBe(before);

    const diff = diffCharters(v1.charter, v2.charter);
    expect(diff.added.map((i) => i.title)).toEqual(['Python for OT']);
    expect(diff.removed.map((i) => i.section)).toEqual(['language']);
    expect(diff.changed).toEqual([expect.objectContaining({ section: 'goals', fields: ['target'] })]);
    expect(diff.quorumChanged).toBe(false);
    expect(() => freezeCharter({ charterId: 'other', content: v2.charter.content, roster, quorum: DEFAULT_QUORUM, frozenAt: FROZEN_AT, previous: v1 })).toThrow();
  });

  it('refuses to freeze what a verifier would not accept', () => {
    const d = draftOf();
    expect(() => freezeCharter({ charterId: 'c', content: { ...d.content, reviewDate: 'next spring' }, roster, quorum: DEFAULT_QUORUM, frozenAt: FROZEN_AT })).toThrow();
  });
});
