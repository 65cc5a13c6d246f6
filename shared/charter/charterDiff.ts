// "What changed" between two frozen versions, by card id, so people re-signing version N+1 can
// see exactly what is different from the version they signed before.
import type { SectionId } from '../board/sections';
import type { CharterContent, CharterItem, FrozenCharter, Participant } from './charterSchema';
import { canonicalJson } from './canonicalJson';

export interface ItemRef {
  readonly section: SectionId;
  readonly cardId: string;
  readonly title: string;
}
export interface ChangedItem extends ItemRef {
  /** Field keys whose value changed; 'title' for the title. */
  readonly fields: readonly string[];
}
export interface CharterDiff {
  readonly added: readonly ItemRef[];
  readonly removed: readonly ItemRef[];
  readonly changed: readonly ChangedItem[];
  /** Top-level content fields (purpose, scope, reviewDate, title) that changed. */
  readonly meta: readonly string[];
  readonly rosterAdded: readonly string[];
  readonly rosterRemoved: readonly string[];
  /** Participant ids whose name, side, role or key changed. */
  readonly rosterChanged: readonly string[];
  readonly quorumChanged: boolean;
  /** Who facilitates (the facilitator or co-facilitators, by key) changed. */
  readonly facilitatorChanged: boolean;
  /** The document language changed (or a version names one where the last did not). */
  readonly languageChanged: boolean;
}

/** Whether `after` says exactly what `before` says: the same content, roster, quorum, facilitator and language (only its number and time differ). */
export function sameAsBefore(before: FrozenCharter, after: FrozenCharter): boolean {
  const body = (c: FrozenCharter) => canonicalJson({ content: c.content, roster: c.roster, quorum: c.quorum, facilitator: c.facilitator ?? null, language: c.language ?? null });
  return body(before) === body(after);
}

function itemsById(content: CharterContent): Map<string, ItemRef & { item: CharterItem }> {
  const map = new Map<string, ItemRef & { item: CharterItem }>();
  for (const section of content.sections) {
    for (const item of section.items) map.set(item.cardId, { section: section.id, cardId: item.cardId, title: item.title, item });
  }
  return map;
}

function changedFields(a: CharterItem, b: CharterItem): string[] {
  const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  const out = a.title === b.title ? [] : ['title'];
  for (const key of keys) if ((a.fields[key] ?? '') !== (b.fields[key] ?? '')) out.push(key);
  return out;
}

const strip = (x: ItemRef): ItemRef => ({ section: x.section, cardId: x.cardId, title: x.title });

export function diffCharters(before: FrozenCharter, after: FrozenCharter): CharterDiff {
  const a = itemsById(before.content);
  const b = itemsById(after.content);
  const changed: ChangedItem[] = [];
  for (const [id, next] of b) {
    const prev = a.get(id);
    if (!prev) continue;
    const fields = changedFields(prev.item, next.item);
    if (prev.section !== next.section) fields.unshift('section');
    if (fields.length) changed.push({ ...strip(next), fields });
  }
  const meta = (['title', 'purpose', 'scope', 'reviewDate'] as const).filter((k) => before.content[k] !== after.content[k]);
  const ra = new Map<string, Participant>(before.roster.map((p) => [p.id, p]));
  const rb = new Map<string, Participant>(after.roster.map((p) => [p.id, p]));
  return {
    added: [...b.values()].filter((x) => !a.has(x.cardId)).map(strip),
    removed: [...a.values()].filter((x) => !b.has(x.cardId)).map(strip),
    changed,
    meta,
    rosterAdded: [...rb.keys()].filter((id) => !ra.has(id)),
    rosterRemoved: [...ra.keys()].filter((id) => !rb.has(id)),
    rosterChanged: [...rb].filter(([id, p]) => ra.has(id) && canonicalJson(ra.get(id)) !== canonicalJson(p)).map(([id]) => id),
    quorumChanged: canonicalJson(before.quorum) !== canonicalJson(after.quorum),
    facilitatorChanged: canonicalJson(before.facilitator ?? null) !== canonicalJson(after.facilitator ?? null),
    languageChanged: (before.language ?? null) !== (after.language ?? null),
  };
}
