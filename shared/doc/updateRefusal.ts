// Why the update guard refused an update: a problem code the app words in the reader's language,
// where in the doc it happened (a schema path such as "cards › 3f2a… › fields", an identifier
// shown as it is), and the guard's own English sentence for logs and tests.

export const updateProblems = [
  /** The bytes are not a Yjs update. */
  'undecodable',
  /** The board would outgrow the limit. */
  'board-full',
  /** More changes, pending changes, concurrent writes or unseen deletions than the limits allow. */
  'too-many',
  /** Changes in the name of another client, or of this app. */
  'impersonation',
  /** A write to a root the schema does not have. */
  'unknown-part',
  /** Something where the schema has no place for it, or of the wrong kind. */
  'does-not-fit',
  /** A change to, or removal of, an entry that never changes or is never removed. */
  'never-changes',
] as const;

export type UpdateProblem = (typeof updateProblems)[number];

export interface UpdateRefusal {
  readonly problem: UpdateProblem;
  /** The guard's sentence in English: for logs and tests, never shown as the app's wording. */
  readonly reason: string;
  /** Where in the doc (a schema path or root name): an identifier, shown untranslated. */
  readonly where?: string;
}
