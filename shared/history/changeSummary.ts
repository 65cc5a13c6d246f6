// What one transaction changed, in the terms the history shows: cards added, edited, moved,
// deleted and restored (by id), the workshop's title, and how many entries of the roster, the
// charter, facilitation and pins. Computed from Yjs's own record of the transaction, so it says
// what the change did to this doc, whoever sent it.
import * as Y from 'yjs';
import { z } from 'zod';
import { isRootName, type RootName } from '../doc/roots';

/** Card ids kept per list; the counts stay exact. */
const IDS_KEPT = 50;

const idList = z.array(z.string().max(64)).max(IDS_KEPT);
const count = z.number().int().min(0).max(1e9);
const summarySchema = z
  .object({
    added: idList,
    edited: idList,
    moved: idList,
    deleted: idList,
    restored: idList,
    /** How many cards each list had before it was cut to IDS_KEPT. */
    counts: z.object({ added: count, edited: count, moved: count, deleted: count, restored: count }).strict(),
    title: z.boolean(),
    roster: count,
    charter: count,
    facilitation: count,
    pins: count,
  })
  .strict();

export type ChangeSummary = z.infer<typeof summarySchema>;
export type CardChangeKind = 'added' | 'edited' | 'moved' | 'deleted' | 'restored';
export const CARD_CHANGE_KINDS: readonly CardChangeKind[] = ['added', 'edited', 'moved', 'deleted', 'restored'];

export function parseSummary(text: string): ChangeSummary | null {
  try {
    const parsed = summarySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const emptySummary = (): ChangeSummary => ({
  added: [],
  edited: [],
  moved: [],
  deleted: [],
  restored: [],
  counts: { added: 0, edited: 0, moved: 0, deleted: 0, restored: 0 },
  title: false,
  roster: 0,
  charter: 0,
  facilitation: 0,
  pins: 0,
});

type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

/** The root a shared type sits under, and the key of that root it sits under (if nested). */
function rootOf(type: SharedType, roots: ReadonlyMap<SharedType, RootName>): { root: RootName; topKey: string | null } | null {
  let current: SharedType = type;
  let topKey: string | null = null;
  for (let depth = 0; depth < 8; depth++) {
    const holder = current._item;
    if (holder === null) {
      const root = roots.get(current);
      return root ? { root, topKey } : null;
    }
    if (!(holder.parent instanceof Y.AbstractType)) return null;
    topKey = holder.parentSub;
    current = holder.parent;
  }
  return null;
}

/** Whether the live value of `key` in `map` was written by this transaction. */
function writtenNow(map: SharedType, key: string, transaction: Y.Transaction): boolean {
  const item = map._map.get(key);
  return item !== undefined && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

export function summarizeTransaction(doc: Y.Doc, transaction: Y.Transaction): ChangeSummary {
  const roots = new Map<SharedType, RootName>();
  for (const [name, type] of doc.share) if (isRootName(name)) roots.set(type, name);
  const cards: Record<CardChangeKind, Set<string>> = { added: new Set(), edited: new Set(), moved: new Set(), deleted: new Set(), restored: new Set() };
  const summary = emptySummary();
  for (const [type, keys] of transaction.changed) {
    const at = rootOf(type, roots);
    if (!at) continue;
    const named = [...keys].filter((k): k is string => k !== null);
    if (at.root === 'cards') {
      if (at.topKey === null) {
        for (const id of named) (writtenNow(type, id, transaction) ? cards.added : cards.edited).add(id);
      } else if (type._item?.parent instanceof Y.AbstractType && roots.get(type._item.parent) === 'cards') {
        for (const key of named) {
          if (key === 'deleted') (type._map.get(key)?.content.getContent()[0] === true ? cards.deleted : cards.restored).add(at.topKey);
          else if (key === 'section' || key === 'rank') cards.moved.add(at.topKey);
          else cards.edited.add(at.topKey);
        }
      } else cards.edited.add(at.topKey);
    } else if (at.root === 'meta') summary.title ||= named.includes('title');
    else if (at.root === 'roster') summary.roster += Math.max(1, named.length);
    else if (at.root === 'charter') summary.charter += named.length;
    else if (at.root === 'facilitation') summary.facilitation += named.length;
    else if (at.root === 'history') summary.pins += named.length;
  }
  // A card added in this transaction is only "added", whatever else was set on it.
  for (const id of cards.added) for (const kind of ['edited', 'moved', 'deleted', 'restored'] as const) cards[kind].delete(id);
  for (const kind of CARD_CHANGE_KINDS) {
    summary[kind] = [...cards[kind]].sort().slice(0, IDS_KEPT);
    summary.counts[kind] = cards[kind].size;
  }
  return summary;
}

/** Folds several summaries into one (for a timeline entry made of several records). */
export function mergeSummaries(summaries: readonly (ChangeSummary | null)[]): ChangeSummary {
  const out = emptySummary();
  const sets: Record<CardChangeKind, Set<string>> = { added: new Set(), edited: new Set(), moved: new Set(), deleted: new Set(), restored: new Set() };
  for (const s of summaries) {
    if (!s) continue;
    for (const kind of CARD_CHANGE_KINDS) {
      s[kind].forEach((id) => sets[kind].add(id));
      // Ids beyond those a record kept are counted as distinct: the best the record can tell.
      out.counts[kind] += s.counts[kind] - s[kind].length;
    }
    out.title ||= s.title;
    out.roster += s.roster;
    out.charter += s.charter;
    out.facilitation += s.facilitation;
    out.pins += s.pins;
  }
  for (const kind of CARD_CHANGE_KINDS) {
    out[kind] = [...sets[kind]].slice(0, IDS_KEPT);
    out.counts[kind] += sets[kind].size;
  }
  return out;
}

/** True when the summary says nothing changed (e.g. a sync that brought only what was here). */
export const isEmptySummary = (s: ChangeSummary): boolean =>
  CARD_CHANGE_KINDS.every((k) => s.counts[k] === 0) && !s.title && s.roster + s.charter + s.facilitation + s.pins === 0;
