// Test fixtures for charters: real Ed25519 keys from node:crypto, a small board with agreed and
// non-agreed cards, and helpers to freeze and sign the way the hosts will.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { BoardSnapshot, Card } from '../../../shared/board/boardSnapshot';
import { SECTION_IDS, type CardStatus, type SectionId, type Side } from '../../../shared/board/sections';
import { fingerprintOf, fromBase64url, toBase64url } from '../../../shared/crypto';
import {
  addSignature,
  applySeal,
  sealMessageFor,
  type CharterSeal,
  buildCharterDraft,
  createBundle,
  freezeCharter,
  signingMessageFor,
  signaturesDigest,
  type CharterBundle,
  type CharterFacilitator,
  type CharterSignature,
  type DocumentLanguage,
  type Participant,
  type QuorumRule,
} from '../../../shared/charter';

export interface TestIdentity {
  readonly participant: Participant;
  readonly privateKey: KeyObject;
}

export function makeIdentity(id: string, name: string, side: Side, role = ''): TestIdentity {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (!x) throw new Error('no jwk x');
  return {
    participant: { id, name, side, role, publicKey: x, fingerprint: fingerprintOf(fromBase64url(x)), checkedInPerson: true },
    privateKey,
  };
}

let rank = 0;
export function card(section: SectionId, fields: Record<string, string>, status: CardStatus = 'agreed', side: Side = 'IT'): Card {
  rank += 1;
  return {
    id: `${section}-${rank}`,
    section,
    rank: String(rank).padStart(6, '0'),
    fields,
    author: 'tester',
    side,
    status,
    votes: {},
    createdAt: rank,
    deleted: false,
  };
}

export function snapshotOf(cards: readonly Card[], title = 'Line 4 AI charter'): BoardSnapshot {
  const sections = Object.fromEntries(SECTION_IDS.map((s) => [s, cards.filter((c) => c.section === s && !c.deleted)])) as Record<SectionId, Card[]>;
  return {
    meta: { title, facilitator: 'fac', createdAt: 0 },
    cards: Object.fromEntries(cards.map((c) => [c.id, c])),
    sections,
    trash: cards.filter((c) => c.deleted),
    problems: {},
  };
}

export function sampleCards(): Card[] {
  return [
    card('goals', { title: 'Keep line 4 running', category: 'uptime', metric: 'unplanned downtime / month', target: 'under 2 h', itOwner: 'Ana', otOwner: 'Bo', reference: 'MANAGE 4.1' }),
    card('goals', { title: 'Proposed only', metric: 'x', target: 'y' }, 'proposed'),
    card('tradeoffs', { title: 'Patch cadence vs. maintenance windows', itView: 'Patch monthly', otView: 'Only in shutdowns', resolution: 'Patch in the quarterly window; compensating controls meanwhile', reference: 'IEC 62443-2-3' }),
    card('incentives', { title: 'Shared uptime bonus', itMeasure: 'tickets closed', otMeasure: 'OEE', shared: 'OEE of AI-assisted lines' }),
    card('accountability', { title: 'AI setpoint change causes off-spec product', accountable: 'Plant manager', responsible: 'Process engineer', consulted: 'Data scientist', informed: 'CISO', itResponders: 'ML ops on call', otResponders: 'Shift lead', responseTime: '15 minutes', reference: 'GOVERN 2.1' }),
    card('risks', { title: 'Vendor remote access into level 2', category: 'segmentation', safeguard: 'Jump host in the DMZ, time-boxed sessions', zoneConduit: 'conduit: vendor to DMZ, SL 2', itOwner: 'Ana', otOwner: 'Bo', reference: 'GOVERN 2.1' }),
    card('language', { title: 'DMZ', itMeaning: 'A perimeter network', otMeaning: 'Purdue level 3.5 between plant and enterprise' }),
    card('skills', { title: 'OT protocols for IT', teacher: 'Bo', learner: 'Ana', plan: 'Two shadow shifts' }),
    card('parking', { title: 'Cloud historian?' }),
  ];
}

export interface Room {
  readonly it: TestIdentity;
  readonly ot: TestIdentity;
  readonly fac: TestIdentity;
  readonly all: readonly TestIdentity[];
}

export function makeRoom(): Room {
  const it = makeIdentity('p-it', 'Ana Lopez', 'IT', 'Network lead');
  const ot = makeIdentity('p-ot', 'Bo Schmidt', 'OT', 'Process engineer');
  const fac = makeIdentity('p-fac', 'Cy Facilitator', 'facilitator', 'Facilitator');
  return { it, ot, fac, all: [it, ot, fac] };
}

export const FROZEN_AT = new Date('2026-11-24T22:00:00Z');

/** Who facilitates, by key, as versions frozen since schema 3 say: the room's facilitator. */
export function facilitatorOf(room: Room, coFacilitators: CharterFacilitator['coFacilitators'] = []): CharterFacilitator {
  const f = room.fac.participant;
  return { publicKey: f.publicKey, fingerprint: f.fingerprint, name: f.name, participantId: f.id, established: 'workshop', coFacilitators: [...coFacilitators] };
}

/**
 * `facilitator`: null freezes the way versions before schema 3 did (the facilitator by roster side).
 * `language`: the document language, as every freeze by the app names one; null freezes the way
 * versions did before (bundle format 1, PDF layout 1).
 */
export function frozenBundle(room: Room, quorum?: QuorumRule, cards: readonly Card[] = sampleCards(), facilitator: CharterFacilitator | null = facilitatorOf(room), language: DocumentLanguage | null = 'en'): CharterBundle {
  const draft = buildCharterDraft({
    ...(language ? { language } : {}),
    snapshot: snapshotOf(cards),
    roster: room.all.map((i) => i.participant),
    purpose: 'How IT and OT run AI on line 4.',
    scope: 'Line 4 quality model and its data paths.',
    reviewDate: '2027-05-01',
    ...(quorum ? { quorum } : {}),
  });
  return createBundle(freezeCharter({ charterId: 'ws-line4', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: FROZEN_AT, ...(facilitator ? { facilitator } : {}), ...(language ? { language } : {}) }));
}

/** What a host does: sign the message for this bundle with the identity's private key. */
export function signAs(bundle: CharterBundle, who: TestIdentity, signedAt = '2026-11-24T22:05:00Z'): CharterSignature {
  const message = signingMessageFor(bundle, signedAt);
  return {
    signerId: who.participant.id,
    publicKey: who.participant.publicKey,
    signature: toBase64url(new Uint8Array(sign(null, message, who.privateKey))),
    signedAt,
    version: bundle.charter.version,
    digest: bundle.digest,
  };
}

/** What the facilitator's host does once the signatures are in: seal the set. */
export function sealAs(bundle: CharterBundle, who: TestIdentity, signedAt = '2026-11-24T22:10:00Z'): CharterSeal {
  return {
    signerId: who.participant.id,
    publicKey: who.participant.publicKey,
    signature: toBase64url(new Uint8Array(sign(null, sealMessageFor(bundle, signedAt), who.privateKey))),
    signedAt,
    signatureCount: bundle.signatures.length,
    signaturesDigest: signaturesDigest(bundle.signatures),
  };
}

/** Signs as each of `signers`, then (unless `seal` is false) the facilitator seals. */
export function signedBundle(room: Room, signers: readonly TestIdentity[] = room.all, quorum?: QuorumRule, seal = true, language: DocumentLanguage | null = 'en'): CharterBundle {
  let bundle = frozenBundle(room, quorum, sampleCards(), facilitatorOf(room), language);
  for (const who of signers) {
    const result = addSignature(bundle, signAs(bundle, who));
    if (!result.ok) throw new Error(result.reason);
    bundle = result.bundle;
  }
  if (!seal) return bundle;
  const sealed = applySeal(bundle, sealAs(bundle, room.fac));
  if (!sealed.ok) throw new Error(sealed.reason);
  return sealed.bundle;
}
