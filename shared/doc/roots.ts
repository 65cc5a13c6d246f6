// The roots of a workshop's Y.Doc: the one place that names them. Every root is a Y.Map (the
// board has no lists or text); code reaches a root only through `docRoot`, never through
// doc.getMap('…') with a string of its own (a lint rule keeps it so), and reads what it holds as
// `unknown` until a reader in this folder has checked it.
import type * as Y from 'yjs';

export const ROOT_NAMES = [
  /** The workshop itself: title, facilitator, schema version. */
  'meta',
  /** Cards by id; each card is a Y.Map (docSchema.ts, "card"). */
  'cards',
  /** Who took part, by participant id. */
  'roster',
  /** Draft settings, frozen versions, signatures, seals, in-person key checks. */
  'charter',
  /** The facilitator's signed actions and the ballots. */
  'facilitation',
  /** Which participant each Yjs client id belongs to, written by that client itself. */
  'clients',
  /** Points in the history the facilitator pinned. */
  'history',
] as const;

export type RootName = (typeof ROOT_NAMES)[number];

const rootSet: ReadonlySet<string> = new Set(ROOT_NAMES);
export const isRootName = (value: unknown): value is RootName => typeof value === 'string' && rootSet.has(value);

/** A root of the doc. Its entries are `unknown`: read them with the schema's readers. */
export const docRoot = (doc: Y.Doc, name: RootName): Y.Map<unknown> => doc.getMap<unknown>(name);
