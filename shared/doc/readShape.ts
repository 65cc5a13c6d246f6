// Total readers: they read a Y.Map with a shape and never throw. An entry that does not fit (an
// unknown key, a value of the wrong type or size, a nested map that is not a map) is skipped and
// reported, so one bad entry written by a broken or hostile peer hides only itself.
import * as Y from 'yjs';
import type { EntryRule, FixedShape, MapEntry, RecordShape, ValueEntry } from './shape';

/** Something in the doc that a reader skipped: where it is and why. */
export interface DocProblem {
  /** e.g. "cards › 3f2a… › fields › title" */
  readonly where: string;
  readonly reason: string;
}

export type Report = (problem: DocProblem) => void;

export const ignoreProblems: Report = () => undefined;

const clip = (key: string): string => (key.length > 40 ? `${key.slice(0, 37)}…` : key);
export const where = (path: string, key: string): string => (path ? `${path} › ${clip(key)}` : clip(key));

/** What a value is, in words, for a problem report (never its content). */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Y.Map) return 'a map';
  if (value instanceof Y.Array) return 'a list';
  if (value instanceof Y.Text) return 'text';
  if (value instanceof Y.AbstractType) return 'a shared type';
  if (value instanceof Uint8Array) return 'binary data';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The map under a root or key, or null (reported) when it is anything else. */
export function asMap(value: unknown, path: string, report: Report): Y.Map<unknown> | null {
  if (value instanceof Y.Map) return value as Y.Map<unknown>;
  report({ where: path, reason: `expected a map, found ${kindOf(value)}` });
  return null;
}

function readEntry(rule: EntryRule, value: unknown, path: string, report: Report): { ok: true; value: unknown } | { ok: false } {
  if (rule.kind === 'map') {
    const map = asMap(value, path, report);
    return map ? { ok: true, value: map } : { ok: false };
  }
  const parsed = rule.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  report({ where: path, reason: `${kindOf(value)} that does not fit (${parsed.error.issues[0]?.message ?? 'invalid'})` });
  return { ok: false };
}

type ReadValue<E> = E extends ValueEntry<infer V> ? V : E extends MapEntry ? Y.Map<unknown> : never;
export type FixedRecord<E extends Readonly<Record<string, EntryRule>>> = { -readonly [K in keyof E]?: ReadValue<E[K]> };

/** The entries of a fixed-shape map that fit; nested maps come back as Y.Maps to read in turn. */
export function readFixed<E extends Readonly<Record<string, EntryRule>>>(shape: FixedShape<E>, map: Y.Map<unknown>, path: string, report: Report): FixedRecord<E> {
  const out: Record<string, unknown> = {};
  map.forEach((value, key) => {
    const rule = shape.entry(key);
    if (!rule) return report({ where: where(path, key), reason: `${shape.describe} has no entry of this name` });
    const read = readEntry(rule, value, where(path, key), report);
    if (read.ok) out[key] = read.value;
  });
  return out as FixedRecord<E>;
}

/** The entries of a record-shape map that fit, as a plain object. */
export function readRecord<V>(shape: RecordShape<V>, map: Y.Map<unknown>, path: string, report: Report): Record<string, V> {
  const out: Record<string, V> = {};
  map.forEach((value, key) => {
    if (!shape.key.test(key)) return report({ where: where(path, key), reason: `${shape.describe} has no entry of this name` });
    const parsed = shape.values.schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else report({ where: where(path, key), reason: `${kindOf(value)} that does not fit (${parsed.error.issues[0]?.message ?? 'invalid'})` });
  });
  return out;
}
