// Anyone with the room secret can write the doc, so a hostile peer cannot forge the
// facilitator's actions but could try to erase them: delete a log entry, or overwrite it with
// something else. Each peer therefore remembers every valid action it has applied and keeps
// counting it whatever later happens to its entry; the overwriting value is listed as refused.
// The facilitator's app also writes remembered actions back (heal), so peers who join later
// get them too.

const OVERWRITTEN = '#overwritten';

/** The doc's log entries with remembered valid actions restored. */
export function withRemembered(docEntries: readonly (readonly [string, unknown])[], remembered: ReadonlyMap<string, string>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const inDoc = new Set<string>();
  for (const [key, value] of docEntries) {
    inDoc.add(key);
    const kept = remembered.get(key);
    if (kept !== undefined && kept !== value) {
      out.push([key, kept], [`${key}${OVERWRITTEN}`, value]);
    } else out.push([key, value]);
  }
  for (const [key, value] of remembered) if (!inDoc.has(key)) out.push([key, value]);
  return out;
}

/** Adds the entries that were just applied to what this peer remembers. */
export function remember(remembered: Map<string, string>, entries: readonly (readonly [string, unknown])[], appliedKeys: readonly string[]): void {
  const applied = new Set(appliedKeys);
  for (const [key, value] of entries) if (applied.has(key) && typeof value === 'string') remembered.set(key, value);
}

/** Remembered actions the doc lacks or holds something else under: what the facilitator rewrites. */
export function missingFromDoc(docEntries: readonly (readonly [string, unknown])[], remembered: ReadonlyMap<string, string>): [string, string][] {
  const doc = new Map(docEntries);
  return [...remembered].filter(([key, value]) => doc.get(key) !== value);
}
