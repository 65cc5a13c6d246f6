// What the room sees of each frozen version: the signatures in the doc sorted into accepted and
// rejected (with why), the facilitator's seal if one fits the accepted set, the bundle that an
// export would contain, and its verdict. One pure function of the doc, so every peer shows the
// same thing and a forged entry written by anyone only ever appears as rejected.
import type * as Y from 'yjs';
import type { Participant as BoardParticipant } from '../board/roster';
import { addSignature, createBundle, verifyBundle, type BundleVerdict } from './bundle';
import type { CharterBundle, CharterSignature } from './bundleSchema';
import { fingerprintOf, fromBase64url } from './charterCrypto';
import { rawSignatureEntries, readSignatureEntries, readVersions, type StoredVersion } from './charterDoc';
import type { Participant } from './charterSchema';
import { applySeal, type SealStatus } from './charterSeal';
import type { FrozenVersion } from './charterVersion';
import type { SignatureStatus } from './signatureCheck';

export interface RejectedSignature {
  readonly signature: CharterSignature;
  readonly status: SignatureStatus;
  readonly reason: string;
}

export interface VersionLedger {
  readonly frozen: FrozenVersion;
  /** The version's signatures that count, and the seal when it covers exactly them. */
  readonly bundle: CharterBundle;
  readonly rejected: readonly RejectedSignature[];
  readonly verdict: BundleVerdict;
  /** 'set-changed' when a seal exists but signatures came after it: the facilitator seals again. */
  readonly seal: SealStatus;
  /** Another version with the same number exists (two freezes at once); both stay, neither changes. */
  readonly conflict: boolean;
  /** Entries under this version that are not even readable as signatures or seals. */
  readonly unreadable: number;
}

export interface CharterLedger {
  readonly versions: readonly VersionLedger[];
  /** Version entries that were altered or do not parse. */
  readonly damaged: readonly StoredVersion[];
}

const byTime = (a: { signedAt: string; signature: string }, b: { signedAt: string; signature: string }) =>
  a.signedAt.localeCompare(b.signedAt) || a.signature.localeCompare(b.signature);

export function versionLedger(doc: Y.Doc, frozen: FrozenVersion, conflict: boolean): VersionLedger {
  const entries = readSignatureEntries(doc, frozen.digest);
  let bundle = createBundle(frozen);
  const rejected: RejectedSignature[] = [];
  for (const sig of [...entries.signatures].sort(byTime)) {
    const added = addSignature(bundle, sig);
    if (added.ok) bundle = added.bundle;
    else rejected.push({ signature: sig, status: added.status, reason: added.reason });
  }
  // The newest seal that covers exactly the accepted set wins; older ones are history.
  let seal: SealStatus = 'missing';
  for (const candidate of [...entries.seals].sort(byTime).reverse()) {
    const applied = applySeal(bundle, candidate);
    if (applied.ok) {
      bundle = applied.bundle;
      seal = 'valid';
      break;
    }
    if (seal === 'missing') seal = applied.status;
  }
  return { frozen, bundle, rejected, verdict: verifyBundle(bundle), seal, conflict, unreadable: entries.unreadable };
}

/**
 * Ed25519 verification in pure JS is slow enough (hundreds per second) that re-checking every
 * signature of every version on each doc change would make the view lag. A version's verdict
 * depends only on its frozen text and its raw entries, so it is reused until either changes.
 */
const cache = new WeakMap<Y.Doc, Map<string, { readonly key: string; readonly ledger: VersionLedger }>>();

function cachedLedger(doc: Y.Doc, frozen: FrozenVersion, conflict: boolean): VersionLedger {
  const perDoc = cache.get(doc) ?? new Map<string, { readonly key: string; readonly ledger: VersionLedger }>();
  cache.set(doc, perDoc);
  const key = `${frozen.canonical}\u0002${String(conflict)}\u0002${rawSignatureEntries(doc, frozen.digest)}`;
  const hit = perDoc.get(frozen.digest);
  if (hit && hit.key === key) return hit.ledger;
  const ledger = versionLedger(doc, frozen, conflict);
  perDoc.set(frozen.digest, { key, ledger });
  return ledger;
}

export function readCharterLedger(doc: Y.Doc): CharterLedger {
  const stored = readVersions(doc);
  const ok = stored.filter((v): v is StoredVersion & { frozen: FrozenVersion } => v.frozen !== null);
  const counts = new Map<number, number>();
  for (const v of ok) counts.set(v.frozen.charter.version, (counts.get(v.frozen.charter.version) ?? 0) + 1);
  return {
    versions: ok.map((v) => cachedLedger(doc, v.frozen, (counts.get(v.frozen.charter.version) ?? 0) > 1)),
    damaged: stored.filter((v) => v.frozen === null),
  };
}

/** The version a new freeze builds on: the highest number; of two at once, the earlier freeze. */
export function latestVersion(ledger: CharterLedger): VersionLedger | null {
  let best: VersionLedger | null = null;
  for (const v of ledger.versions) {
    if (!best || v.frozen.charter.version > best.frozen.charter.version) best = v;
  }
  return best;
}

export interface CharterRoster {
  /** Participants with a key, as the charter freezes them. */
  readonly participants: readonly Participant[];
  /** Names of roster members with no key yet: they cannot sign and are left out of a freeze. */
  readonly withoutKey: readonly string[];
}

/** An in-person key check as the facilitator's signed action left it. */
export interface KeyCheck {
  readonly publicKey: string;
  readonly checked: boolean;
}

/**
 * A check counts only if it is for the key the participant has now: a swapped key is unchecked
 * again. `checks` are the facilitator's signed marks, by participant id.
 */
export function charterRosterOf(roster: readonly BoardParticipant[], checks: Readonly<Record<string, KeyCheck>>): CharterRoster {
  const participants: Participant[] = [];
  const withoutKey: string[] = [];
  for (const p of roster) {
    if (!p.publicKey) {
      withoutKey.push(p.name);
      continue;
    }
    const check = Object.hasOwn(checks, p.id) ? checks[p.id] : undefined;
    participants.push({
      id: p.id,
      name: p.name,
      side: p.side,
      role: p.role,
      publicKey: p.publicKey,
      fingerprint: fingerprintOf(fromBase64url(p.publicKey)),
      checkedInPerson: check !== undefined && check.checked && check.publicKey === p.publicKey,
    });
  }
  return { participants, withoutKey };
}
