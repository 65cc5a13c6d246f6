// Where an incoming Yjs struct would land: which map (a root, or a map nested under a key) and
// which key. A struct names its parent directly (a root's name, or the id of the item that holds
// a nested map) or only through its neighbour (`origin`), which may be in the same update or
// already in the doc. The update guard checks each struct against the shape of its map.
import * as Y from 'yjs';
import type { DocSchema, MapShape } from './shape';
import type { UpdateProblem, UpdateRefusal } from './updateRefusal';

export type AnyStruct = Y.Item | Y.GC | Y.Skip;
/** A shared type as the doc holds it (Yjs types them by their event). */
export type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

export interface Container {
  /** Identifies the map: 'root:<name>' or 'item:<client>:<clock>' of the item holding it. */
  readonly id: string;
  readonly shape: MapShape;
  /** For messages: "cards › 3f2a… › fields". */
  readonly path: string;
  /** The map as it is in the doc, or null when the update itself creates it. */
  readonly type: SharedType | null;
}

export type Located =
  | { readonly kind: 'located'; readonly container: Container; readonly key: string | null }
  /** Depends on something neither the doc nor the update has: Yjs keeps it pending. */
  | { readonly kind: 'pending' }
  /** Lands in garbage-collected content: Yjs drops it. */
  | { readonly kind: 'gone' }
  | { readonly kind: 'refused'; readonly refusal: UpdateRefusal };

const refused = (problem: UpdateProblem, reason: string, where?: string): Located => ({ kind: 'refused', refusal: where === undefined ? { problem, reason } : { problem, reason, where } });
const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

// A plain boolean, not a type guard: narrowing to Y.Map would lose the doc's own type for it.
const isMap = (type: SharedType): boolean => type instanceof Y.Map;

/** Binary search for the struct that covers `clock` in a list sorted by clock. */
function covering(list: readonly AnyStruct[], clock: number): AnyStruct | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = list[mid];
    if (s === undefined) return undefined;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export class StructLocator {
  private readonly byClient = new Map<number, AnyStruct[]>();
  private readonly updateMemo = new Map<AnyStruct, Located>();
  private readonly typeMemo = new Map<SharedType, Located>();
  /** The map each holder item of the update holds, so every key in it shares one Container. */
  private readonly heldMemo = new Map<AnyStruct, Located>();
  private readonly rootMemo = new Map<string, Container | Located>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly schema: DocSchema,
    structs: readonly AnyStruct[],
  ) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
  }

  /** The doc's clock for a client: everything below it is already here. */
  docState(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** The struct with this id, from the doc first (it wins once integrated), else from the update. */
  find(id: Y.ID): { struct: AnyStruct; inDoc: boolean } | null {
    if (id.clock < this.docState(id.client)) {
      const structs = this.doc.store.clients.get(id.client);
      if (structs) return { struct: structs[Y.findIndexSS(structs, id.clock)] as AnyStruct, inDoc: true };
    }
    const struct = covering(this.byClient.get(id.client) ?? [], id.clock);
    return struct ? { struct, inDoc: false } : null;
  }

  /** Where an item of the update lands. */
  locateNew(item: Y.Item): Located {
    // Items that name their parent resolve in constant time; only those found through their
    // neighbours (whose chains can be long) are remembered.
    if (item.parent !== null) return this.resolveNew(item);
    const memo = this.updateMemo.get(item);
    if (memo) return memo;
    const located = this.resolveNew(item);
    this.updateMemo.set(item, located);
    return located;
  }

  private resolveNew(item: Y.Item): Located {
    const parent: unknown = item.parent;
    if (typeof parent === 'string') {
      const root = this.root(parent);
      return 'kind' in root ? root : { kind: 'located', container: root, key: item.parentSub };
    }
    if (parent instanceof Y.ID) return this.containerHeldBy(parent, item.parentSub);
    // No parent written: it is the parent of the neighbour the item was inserted next to.
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour === null) return refused('does-not-fit', 'a change that says nowhere where it belongs');
    return this.locateId(neighbour);
  }

  /** A root's container (one object per root, whether reached from the update or the doc). */
  private root(name: string): Container | Located {
    let root = this.rootMemo.get(name);
    if (!root) {
      const shape = this.schema.roots.get(name);
      root = shape ? { id: `root:${name}`, shape, path: name, type: this.doc.share.get(name) ?? null } : refused('unknown-part', `a write to an unknown part of the board ("${clip(name)}")`, clip(name));
      this.rootMemo.set(name, root);
    }
    return root;
  }

  /** Where the struct with this id is (the key and map an item sits in). */
  private locateId(id: Y.ID): Located {
    const found = this.find(id);
    if (!found) return { kind: 'pending' };
    if (!(found.struct instanceof Y.Item)) return { kind: 'gone' };
    return found.inDoc ? this.locateExisting(found.struct) : this.locateNew(found.struct);
  }

  /** The map held by the item `holderId`, with `key` in it. */
  private containerHeldBy(holderId: Y.ID, key: string | null): Located {
    const found = this.find(holderId);
    if (!found) return { kind: 'pending' };
    const holder = found.struct;
    if (!(holder instanceof Y.Item)) return { kind: 'gone' };
    if (!(holder.content instanceof Y.ContentType)) return refused('does-not-fit', 'a change inside something that is not a map');
    const type: SharedType = holder.content.type;
    if (!isMap(type)) return refused('does-not-fit', 'a change inside something that is not a map');
    if (found.inDoc) {
      const located = this.containerOfType(type);
      return located.kind === 'located' ? { ...located, key } : located;
    }
    let held = this.heldMemo.get(holder);
    if (!held) {
      const at = this.locateNew(holder);
      if (at.kind !== 'located') held = at;
      else {
        const nested = this.nestedShape(at.container, at.key);
        held =
          'problem' in nested
            ? { kind: 'refused', refusal: nested }
            : { kind: 'located', container: { id: `item:${holder.id.client}:${holder.id.clock}`, shape: nested, path: `${at.container.path} › ${clip(at.key ?? '')}`, type: null }, key: null };
      }
      this.heldMemo.set(holder, held);
    }
    return held.kind === 'located' ? { kind: 'located', container: held.container, key } : held;
  }

  /** Where an item already in the doc sits. */
  locateExisting(item: Y.Item): Located {
    const parent: unknown = item.parent;
    if (!(parent instanceof Y.AbstractType)) return { kind: 'gone' };
    const located = this.containerOfType(parent as SharedType);
    return located.kind === 'located' ? { ...located, key: item.parentSub } : located;
  }

  /** The container a map of the doc is, by the key path that leads to it. */
  private containerOfType(type: SharedType): Located {
    const memo = this.typeMemo.get(type);
    if (memo) return memo;
    let located: Located;
    const holder = type._item;
    if (holder === null) {
      const root = this.root(Y.findRootTypeKey(type));
      located = 'kind' in root ? root : { kind: 'located', container: root, key: null };
    } else {
      const at = this.locateExisting(holder);
      if (at.kind !== 'located') located = at;
      else {
        const nested = this.nestedShape(at.container, at.key);
        located =
          'problem' in nested
            ? { kind: 'refused', refusal: nested }
            : { kind: 'located', container: { id: `item:${holder.id.client}:${holder.id.clock}`, shape: nested, path: `${at.container.path} › ${clip(at.key ?? '')}`, type }, key: null };
      }
    }
    this.typeMemo.set(type, located);
    return located;
  }

  /** The shape of the map nested under `key` of `container`, or why there can be none. */
  private nestedShape(container: Container, key: string | null): MapShape | UpdateRefusal {
    const misfit = (reason: string, where = container.path): UpdateRefusal => ({ problem: 'does-not-fit', reason, where });
    if (key === null) return misfit(`list content in ${container.shape.describe}`);
    const rule = container.shape.entry(key);
    const at = `${container.path} › ${clip(key)}`;
    if (!rule) return misfit(`${container.shape.describe} has no entry "${clip(key)}"`, at);
    if (rule.kind !== 'map') return misfit(`a map where ${container.shape.describe} holds a value ("${clip(key)}")`, at);
    const shape = this.schema.shapes.get(rule.shape);
    return shape ?? misfit(`an unknown kind of map ("${rule.shape}")`, at);
  }
}
