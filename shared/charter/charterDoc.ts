// The charter inside the workshop's Y.Doc, so it syncs through the room like the board: the draft
// texts, frozen versions, signatures and seals, all under the 'charter' root. The quorum rule, the
// in-person key checks and which versions the facilitator froze are the facilitator's signed
// actions (shared/facilitation), not entries here: anyone in the room can write this map. Older
// versions kept a draft quorum ("draft.quorum") and key checks ("check.<id>") here; they are no
// longer read. Every entry is a flat key with an immutable string value: nested maps created by two
// peers at once would overwrite each other, and content-addressed keys (a version by its digest,
// a signature by its value) mean a concurrent or hostile write can add entries but never
// replace one that was already there. Everything read back is `unknown` until parsed.
import type * as Y from 'yjs';
import { docRoot } from '../doc/roots';
import { DRAFT_TEXT_MAX, MAX_ENTRY_CHARS } from './charterShapes';
import { canonicalJson } from './canonicalJson';
import { frozenCharterSchema, type FrozenCharter } from './charterSchema';
import { charterDigest, type FrozenVersion } from './charterVersion';
import { charterSealSchema, charterSignatureSchema, type CharterSeal, type CharterSignature } from './bundleSchema';

export const charterMap = (doc: Y.Doc): Y.Map<unknown> => docRoot(doc, 'charter');

export { MAX_ENTRY_CHARS };

const VERSION = 'version.';
const SIGNATURE = 'sig.';
const SEAL = 'seal.';
const DRAFT = 'draft.';

export type DraftField = 'purpose' | 'scope' | 'reviewDate';

export interface DraftSettings {
  readonly purpose: string;
  readonly scope: string;
  readonly reviewDate: string;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > MAX_ENTRY_CHARS) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function readDraftSettings(doc: Y.Doc): DraftSettings {
  const map = charterMap(doc);
  const text = (field: DraftField) => {
    const value = map.get(DRAFT + field);
    return typeof value === 'string' ? value.slice(0, DRAFT_TEXT_MAX) : '';
  };
  return { purpose: text('purpose'), scope: text('scope'), reviewDate: text('reviewDate') };
}

export function setDraftField(doc: Y.Doc, field: DraftField, value: string, origin: unknown = null): void {
  if (value.length > DRAFT_TEXT_MAX) throw new Error('at most 10,000 characters');
  doc.transact(() => charterMap(doc).set(DRAFT + field, value), origin);
}

/**
 * Writes `value` under `key` unless the key is taken: charter entries are named by what they
 * hold (a digest, a signature), so an existing one is never overwritten.
 */
function setOnce(doc: Y.Doc, key: string, value: string, origin: unknown): void {
  doc.transact(() => {
    const map = charterMap(doc);
    if (!map.has(key)) map.set(key, value);
  }, origin);
}

/** Stores a frozen version under its digest. Never overwrites: a digest names exactly one text. */
export function storeVersion(doc: Y.Doc, frozen: FrozenVersion, origin: unknown = null): void {
  setOnce(doc, VERSION + frozen.digest, frozen.canonical, origin);
}

export function storeSignature(doc: Y.Doc, digest: string, signature: CharterSignature, origin: unknown = null): void {
  const sig = charterSignatureSchema.parse(signature);
  setOnce(doc, `${SIGNATURE}${digest}.${sig.signature}`, canonicalJson(sig), origin);
}

export function storeSeal(doc: Y.Doc, digest: string, seal: CharterSeal, origin: unknown = null): void {
  const parsed = charterSealSchema.parse(seal);
  setOnce(doc, `${SEAL}${digest}.${parsed.signature}`, canonicalJson(parsed), origin);
}

/** A frozen version as read back from the doc; `problem` set when the entry is not what its key says. */
export interface StoredVersion {
  readonly digest: string;
  readonly frozen: FrozenVersion | null;
  readonly problem: string | null;
}

/** All versions in the doc, oldest first (by version number, then freeze time, then digest). */
export function readVersions(doc: Y.Doc): StoredVersion[] {
  const out: StoredVersion[] = [];
  charterMap(doc).forEach((value, key) => {
    if (!key.startsWith(VERSION)) return;
    const digest = key.slice(VERSION.length);
    const parsed = frozenCharterSchema.safeParse(parseJson(value));
    if (!parsed.success) return void out.push({ digest, frozen: null, problem: 'this version entry is not a readable frozen charter' });
    const charter: FrozenCharter = parsed.data;
    const actual = charterDigest(charter);
    // The key is the promise: a version whose text no longer hashes to it was altered.
    if (actual !== digest) return void out.push({ digest, frozen: null, problem: `this version was altered after it was frozen (it now hashes to ${actual.slice(0, 12)}…)` });
    out.push({ digest, frozen: { charter, canonical: canonicalJson(charter), digest }, problem: null });
  });
  const rank = (v: StoredVersion) => v.frozen?.charter.version ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => rank(a) - rank(b) || (a.frozen?.charter.frozenAt ?? '').localeCompare(b.frozen?.charter.frozenAt ?? '') || a.digest.localeCompare(b.digest));
}

/** The raw signature and seal entries of one digest, in key order: what a cache of verdicts is keyed by. */
export function rawSignatureEntries(doc: Y.Doc, digest: string): string {
  const parts: string[] = [];
  charterMap(doc).forEach((value, key) => {
    if (key.startsWith(`${SIGNATURE}${digest}.`) || key.startsWith(`${SEAL}${digest}.`)) parts.push(`${key}\u0000${typeof value === 'string' ? value : typeof value}`);
  });
  return parts.sort().join('\u0001');
}

/** Signatures and seals stored for one digest; entries that do not parse are counted, not dropped silently. */
export function readSignatureEntries(doc: Y.Doc, digest: string): { signatures: CharterSignature[]; seals: CharterSeal[]; unreadable: number } {
  const signatures: CharterSignature[] = [];
  const seals: CharterSeal[] = [];
  let unreadable = 0;
  charterMap(doc).forEach((value, key) => {
    if (key.startsWith(`${SIGNATURE}${digest}.`)) {
      const parsed = charterSignatureSchema.safeParse(parseJson(value));
      if (parsed.success) signatures.push(parsed.data);
      else unreadable++;
    } else if (key.startsWith(`${SEAL}${digest}.`)) {
      const parsed = charterSealSchema.safeParse(parseJson(value));
      if (parsed.success) seals.push(parsed.data);
      else unreadable++;
    }
  });
  return { signatures, seals, unreadable };
}
