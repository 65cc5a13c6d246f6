// The shape language of the document schema. Every container in a workshop doc is a Y.Map; a
// shape says which keys it may hold and, for each, whether the value is a plain value (checked
// by a zod schema) or a nested map of a named shape, and how the key may change. The update
// guard (updateGuard.ts) checks incoming Yjs structs against these shapes, and the readers
// (readShape.ts) read a map with them, skipping and reporting what does not fit.
import type { z } from 'zod';

interface EntryBase {
  /** May the key be removed (a Yjs delete with nothing written in its place)? */
  readonly deletable: boolean;
  /** Once set, may only ever be set again to the same value (content-addressed entries). */
  readonly immutable: boolean;
  /** The key is a Yjs client id, and only that client may write it (the 'clients' root). */
  readonly selfAuthored: boolean;
}

export interface ValueEntry<V = unknown> extends EntryBase {
  readonly kind: 'value';
  readonly schema: z.ZodType<V>;
}

export interface MapEntry extends EntryBase {
  readonly kind: 'map';
  /** The name of the nested map's shape in the schema (e.g. 'card'). */
  readonly shape: string;
}

export type EntryRule = ValueEntry | MapEntry;

export interface MapShape {
  readonly name: string;
  /** For messages: "a card", "the charter". */
  readonly describe: string;
  /** The rule for `key`, or null when the shape has no such key. */
  entry(key: string): EntryRule | null;
}

interface EntryOptions {
  readonly deletable?: boolean;
  readonly immutable?: boolean;
  readonly selfAuthored?: boolean;
}

export const value = <V>(schema: z.ZodType<V>, options: EntryOptions = {}): ValueEntry<V> => ({
  kind: 'value',
  schema,
  deletable: options.deletable ?? false,
  immutable: options.immutable ?? false,
  selfAuthored: options.selfAuthored ?? false,
});

/** A nested map: created once under its key and never replaced (a replacement would drop its content). */
export const nested = (shape: string): MapEntry => ({ kind: 'map', shape, deletable: false, immutable: true, selfAuthored: false });

/** A map with a fixed set of keys. */
export interface FixedShape<E extends Readonly<Record<string, EntryRule>>> extends MapShape {
  readonly entries: E;
}

export function fixedShape<E extends Readonly<Record<string, EntryRule>>>(name: string, describe: string, entries: E): FixedShape<E> {
  const table = new Map<string, EntryRule>(Object.entries(entries));
  return { name, describe, entries, entry: (key) => table.get(key) ?? null };
}

/** A map whose keys all follow one pattern and whose values all follow one rule. */
export interface RecordShape<V> extends MapShape {
  readonly key: RegExp;
  readonly values: ValueEntry<V>;
}

export function recordShape<V>(name: string, describe: string, key: RegExp, values: ValueEntry<V>): RecordShape<V> {
  return { name, describe, key, values, entry: (k) => (key.test(k) ? values : null) };
}

/** A map whose keys follow patterns, each with its own rule; the first pattern that matches wins. */
export function patternShape(name: string, describe: string, patterns: readonly (readonly [RegExp, EntryRule])[]): MapShape {
  return {
    name,
    describe,
    entry: (key) => {
      for (const [pattern, rule] of patterns) if (pattern.test(key)) return rule;
      return null;
    },
  };
}

/** A document schema: the shape of every root and of every nested map, by name. */
export interface DocSchema {
  readonly version: number;
  readonly roots: ReadonlyMap<string, MapShape>;
  readonly shapes: ReadonlyMap<string, MapShape>;
}

export function defineSchema(version: number, roots: Readonly<Record<string, MapShape>>, nestedShapes: readonly MapShape[]): DocSchema {
  const shapes = new Map<string, MapShape>();
  for (const shape of [...Object.values(roots), ...nestedShapes]) {
    if (shapes.has(shape.name)) throw new Error(`two shapes are called ${shape.name}`);
    shapes.set(shape.name, shape);
  }
  for (const shape of shapes.values()) {
    // A nested rule must name a shape the schema has; checked once here, not in every reader.
    if ('entries' in shape) {
      for (const rule of Object.values((shape as FixedShape<Record<string, EntryRule>>).entries)) {
        if (rule.kind === 'map' && !shapes.has(rule.shape)) throw new Error(`${shape.name} nests an unknown shape ${rule.shape}`);
      }
    }
  }
  return { version, roots: new Map(Object.entries(roots)), shapes };
}
