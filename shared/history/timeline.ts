// The history as people read it: stored records grouped into entries of one person's (or one
// peer's) consecutive changes, each with when, who and what. Entry boundaries are where the
// board can be viewed or restored.
import { isEmptySummary, mergeSummaries, type ChangeSummary } from './changeSummary';
import type { HistoryRecord, RecordKind } from './historyRecord';

export interface TimelineEntry {
  /** Records `first`..`last` (inclusive) of the history make this entry. */
  readonly first: number;
  readonly last: number;
  readonly startAt: number | null;
  readonly endAt: number | null;
  readonly kind: RecordKind;
  /** Who made these changes: the participants of their Yjs clients, and who delivered them. */
  readonly participants: readonly string[];
  /** Yjs clients in these changes whose participant is not known. */
  readonly unknownClients: number;
  readonly summary: ChangeSummary;
}

/** Records of one person, of one kind of change, less than this far apart are one entry. */
export const ENTRY_GAP_MS = 20_000;

/** Which kinds of change a summary holds: records group only with records of the same kinds. */
function kindsOf(summary: ChangeSummary | null): string {
  if (!summary) return '?';
  const c = summary.counts;
  return [c.added, c.edited, c.moved, c.deleted, c.restored, summary.title, summary.roster, summary.charter, summary.facilitation, summary.pins].map((v) => (v ? 1 : 0)).join('');
}

/** Who made a record's changes: its clients' participants, else whoever delivered it. */
export function participantsOf(record: HistoryRecord, clients: ReadonlyMap<number, string>): { participants: string[]; unknown: number } {
  const found = new Set<string>();
  let unknown = 0;
  for (const client of record.clients) {
    const p = clients.get(client);
    if (p) found.add(p);
    else unknown++;
  }
  // A change with no new content (deletions only) is named after whoever delivered it.
  if (found.size === 0 && record.from) found.add(record.from);
  return { participants: [...found].sort(), unknown };
}

const groupable = (kind: RecordKind): boolean => kind === 'local' || kind === 'peer' || kind === 'legacy';

export function buildTimeline(records: readonly HistoryRecord[], clients: ReadonlyMap<number, string>, gapMs = ENTRY_GAP_MS): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let open: { first: number; last: number; startAt: number | null; endAt: number | null; kind: RecordKind; key: string; participants: string[]; unknown: number; summaries: (ChangeSummary | null)[] } | null = null;
  const close = () => {
    if (!open) return;
    const summary = mergeSummaries(open.summaries);
    if (open.kind === 'checkpoint' || !isEmptySummary(summary)) {
      entries.push({ first: open.first, last: open.last, startAt: open.startAt, endAt: open.endAt, kind: open.kind, participants: open.participants, unknownClients: open.unknown, summary });
    }
    open = null;
  };
  records.forEach((record, index) => {
    const { participants, unknown } = participantsOf(record, clients);
    const key = `${record.kind === 'legacy' ? 'legacy' : groupable(record.kind) ? 'edit' : record.kind}|${participants.join(',')}|${kindsOf(record.summary)}`;
    const near = open !== null && open.endAt !== null && record.at !== null && record.at - open.endAt <= gapMs;
    if (open && open.key === key && groupable(record.kind) && (near || (record.at === null && open.endAt === null))) {
      open.last = index;
      open.endAt = record.at ?? open.endAt;
      open.unknown += unknown;
      open.summaries.push(record.summary);
      return;
    }
    close();
    open = { first: index, last: index, startAt: record.at, endAt: record.at, kind: record.kind, key, participants, unknown, summaries: [record.summary] };
  });
  close();
  return entries;
}
