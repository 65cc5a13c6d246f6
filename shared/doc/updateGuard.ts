// The update guard: checks a Yjs update against the document schema and the guard's limits
// before it may reach the doc. Every struct must land in a map of the schema, under a key the
// map's shape has, with a value of that key's kind; keys that are never removed are not removed;
// content-addressed entries keep their value; and the update may not impose more work than the
// limits allow. It reads the doc but never changes it, and it never throws.
import * as Y from 'yjs';
import type { GuardLimits } from './guardLimits';
import type { DocSchema, EntryRule } from './shape';
import { StructLocator, type AnyStruct, type Container } from './structLocator';
import type { UpdateProblem, UpdateRefusal } from './updateRefusal';

export type GuardVerdict = { readonly ok: true } | ({ readonly ok: false } & UpdateRefusal);

const ok: GuardVerdict = { ok: true };
const fail = (problem: UpdateProblem, reason: string, where?: string): GuardVerdict => (where === undefined ? { ok: false, problem, reason } : { ok: false, problem, reason, where });
const refuse = (refusal: UpdateRefusal): GuardVerdict => ({ ok: false, ...refusal });
const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/** What a struct's content is, for the shape check. */
function contentError(item: Y.Item, rule: EntryRule, describe: string, key: string): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentAny) {
    if (rule.kind !== 'value') return `a plain value where ${describe} holds a map ("${clip(key)}")`;
    if (content.arr.length !== 1) return `several values under one key of ${describe}`;
    return rule.schema.safeParse(content.arr[0]).success ? null : `a value that does not fit ${describe} ("${clip(key)}")`;
  }
  if (content instanceof Y.ContentType) {
    if (rule.kind !== 'map') return `a map where ${describe} holds a value ("${clip(key)}")`;
    return content.type instanceof Y.Map ? null : `a shared type other than a map in ${describe} ("${clip(key)}")`;
  }
  return `text, binary or embedded content in ${describe}, which holds none`;
}

/** The current value of a key of a map in the doc, if it has a live one. */
function liveValue(container: Container, key: string): Y.Item | null {
  const item = container.type?._map.get(key);
  return item && !item.deleted ? item : null;
}

const sameContent = (a: Y.Item, b: Y.Item): boolean =>
  a.content instanceof Y.ContentAny && b.content instanceof Y.ContentAny && JSON.stringify(a.content.arr) === JSON.stringify(b.content.arr);

interface KeyWrites {
  readonly container: Container;
  readonly key: string;
  readonly rule: EntryRule;
  readonly items: Y.Item[];
}

export function checkUpdate(doc: Y.Doc, update: Uint8Array, schema: DocSchema, limits: GuardLimits, docBytes = 0): GuardVerdict {
  try {
    return check(doc, update, schema, limits, docBytes);
  } catch {
    return fail('undecodable', 'an update that does not decode');
  }
}

function check(doc: Y.Doc, update: Uint8Array, schema: DocSchema, limits: GuardLimits, docBytes: number): GuardVerdict {
  if (docBytes + update.byteLength > limits.maxDocBytes) return fail('board-full', `more than the board may hold (${Math.round(limits.maxDocBytes / 1024 / 1024)} MB)`);
  const decoded = Y.decodeUpdate(update);
  const structs = decoded.structs as AnyStruct[];
  if (structs.length > limits.maxStructs) return fail('too-many', `too many changes in one message (${structs.length}; the limit is ${limits.maxStructs})`);
  const locator = new StructLocator(doc, schema, structs);
  // Writes by map, then key: the maps are shared objects (structLocator memoises them).
  const writes = new Map<Container, Map<string, KeyWrites>>();
  const updateEnd = new Map<number, number>();
  let pending = 0;
  let gcClocks = 0;
  const emptyDoc = doc.store.clients.size === 0;
  const firstNew = new Map<number, number>();
  for (const s of structs) {
    const end = s.id.clock + s.length;
    updateEnd.set(s.id.client, Math.max(updateEnd.get(s.id.client) ?? 0, end));
    if (!firstNew.has(s.id.client)) firstNew.set(s.id.client, s.id.clock);
    const state = locator.docState(s.id.client);
    if (end <= state) continue; // already here: Yjs skips it
    if (s.id.client === doc.clientID) return fail('impersonation', 'changes in this app’s own name');
    if (!(s instanceof Y.Item)) {
      // Collected content takes up clocks: beyond what is known, it would swallow the next
      // changes of that client, so it is bounded like deletions of unseen changes. Only the
      // first sync of an empty doc may bring much of it (what older versions collected).
      if (!emptyDoc) gcClocks += end - Math.max(s.id.clock, state);
      if (gcClocks > limits.maxFutureDeletes) return fail('too-many', `too many unseen changes marked as collected (${gcClocks})`);
      continue;
    }
    // A gap before this client's first new struct leaves all of them pending.
    if ((firstNew.get(s.id.client) ?? 0) > state) {
      pending++;
      continue;
    }
    const at = locator.locateNew(s);
    if (at.kind === 'refused') return refuse(at.refusal);
    if (at.kind === 'pending') {
      pending++;
      continue;
    }
    if (at.kind === 'gone') continue;
    const { container, key } = at;
    if (key === null) return fail('does-not-fit', `list content in ${container.shape.describe}`, container.path);
    const rule = container.shape.entry(key);
    if (!rule) return fail('does-not-fit', `${container.shape.describe} has no entry "${clip(key)}"`, `${container.path} › ${clip(key)}`);
    const bad = contentError(s, rule, container.shape.describe, key);
    if (bad) return fail('does-not-fit', bad, `${container.path} › ${clip(key)}`);
    if (rule.selfAuthored && String(s.id.client) !== key) return fail('impersonation', `an entry written in another client’s name in ${container.shape.describe}`, container.path);
    let byKey = writes.get(container);
    if (!byKey) writes.set(container, (byKey = new Map()));
    const entry = byKey.get(key);
    if (entry) entry.items.push(s);
    else byKey.set(key, { container, key, rule, items: [s] });
  }
  if (pending > limits.maxPendingStructs) return fail('too-many', `too many changes that depend on missing ones (${pending})`);
  if (pending > 0 && (doc.store.pendingStructs?.update.byteLength ?? 0) > limits.maxPendingBytes) return fail('too-many', 'more pending changes than the board keeps');

  let concurrent = 0;
  for (const byKey of writes.values()) {
    for (const entry of byKey.values()) {
      const verdict = checkKeyWrites(entry, limits);
      if (typeof verdict !== 'number') return refuse(verdict);
      concurrent += verdict;
    }
  }
  if (concurrent > limits.maxConcurrentWrites) return fail('too-many', `too many concurrent writes in one message (${concurrent})`);
  return checkDeletes(doc, decoded.ds, locator, writes, updateEnd, limits);
}

/**
 * Writes to one key: immutable keys keep their value, and writes that do not follow the key's
 * last value are bounded (each costs Yjs a scan of the key's other concurrent writes). Returns
 * how many such writes there are, or why the key's writes are refused.
 */
function checkKeyWrites({ container, key, rule, items }: KeyWrites, limits: GuardLimits): number | UpdateRefusal {
  const where = `${container.path} › ${clip(key)}`;
  const lastInDoc = container.type?._map.get(key) ?? null;
  const only = items.length === 1 ? items[0] : undefined;
  if (only) {
    // The common case, one write to a key: no sets to build.
    if (rule.immutable && lastInDoc && !lastInDoc.deleted && !(only.content instanceof Y.ContentDeleted) && (rule.kind === 'map' || !sameContent(only, lastInDoc))) {
      return { problem: 'never-changes', reason: `a change to an entry that never changes once written (${where})`, where };
    }
    const follows = only.rightOrigin === null && (only.origin === null ? lastInDoc === null : lastInDoc !== null && only.origin.client === lastInDoc.id.client && only.origin.clock === lastInDoc.id.clock + lastInDoc.length - 1);
    return follows ? 0 : 1;
  }
  const current = liveValue(container, key);
  if (rule.immutable) {
    const live = items.filter((i) => !(i.content instanceof Y.ContentDeleted));
    const first = current ?? live[0];
    if (first && live.some((i) => i !== first && (rule.kind === 'map' || !sameContent(i, first)))) {
      return { problem: 'never-changes', reason: `a change to an entry that never changes once written (${where})`, where };
    }
  }
  // Follows = the item's origin is the key's last value (in the doc) or another write of this
  // update, and no two writes share an origin: a chain, which Yjs integrates in constant time.
  const inUpdate = new Set(items.map((i) => `${i.id.client}:${i.id.clock + i.length - 1}`));
  const lastId = lastInDoc ? `${lastInDoc.id.client}:${lastInDoc.id.clock + lastInDoc.length - 1}` : null;
  const origins = new Set<string>();
  let concurrent = 0;
  for (const item of items) {
    const origin = item.origin ? `${item.origin.client}:${item.origin.clock}` : null;
    const follows = item.rightOrigin === null && (origin === null ? lastInDoc === null : (origin === lastId || inUpdate.has(origin)) && !origins.has(origin));
    if (origin !== null) origins.add(origin);
    if (!follows) concurrent++;
  }
  if (concurrent > limits.maxConcurrentWritesPerKey) return { problem: 'too-many', reason: `too many concurrent writes to one entry (${where}: ${concurrent})`, where };
  return concurrent;
}

/** Deletes: never a key that is never removed, never this app's future, few of anyone's future. */
function checkDeletes(doc: Y.Doc, ds: { clients: Map<number, { clock: number; len: number }[]> }, locator: StructLocator, writes: ReadonlyMap<Container, ReadonlyMap<string, KeyWrites>>, updateEnd: ReadonlyMap<number, number>, limits: GuardLimits): GuardVerdict {
  let future = 0;
  for (const [client, ranges] of ds.clients) {
    const state = locator.docState(client);
    const known = Math.max(state, updateEnd.get(client) ?? 0);
    const structs = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (client === doc.clientID && end > state) return fail('impersonation', 'a deletion of changes this app has not made yet');
      future += Math.max(0, end - Math.max(clock, known));
      if (future > limits.maxFutureDeletes) return fail('too-many', `deletions of too many changes nobody here has seen (${future})`);
      if (!structs || clock >= state) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i];
        if (!s || s.id.clock >= Math.min(end, state)) break;
        if (!(s instanceof Y.Item) || s.deleted || s.parentSub === null || s.right !== null) continue;
        const at = locator.locateExisting(s);
        if (at.kind !== 'located') continue;
        const rule = at.container.shape.entry(s.parentSub);
        // An overwrite deletes the old value and writes the new one in the same update.
        if (!rule || rule.deletable || writes.get(at.container)?.has(s.parentSub)) continue;
        return fail('never-changes', `a removal of ${at.container.path} › ${clip(s.parentSub)}, which is never removed`, `${at.container.path} › ${clip(s.parentSub)}`);
      }
    }
  }
  return ok;
}
