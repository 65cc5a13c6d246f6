// A timeline entry in words: who, when and what, as people read it in the history.
import type { ChangeSummary, TimelineEntry } from '../../../../shared/history';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function describeSummary(s: ChangeSummary): string {
  const parts: string[] = [];
  const c = s.counts;
  if (c.added) parts.push(`added ${plural(c.added, 'card', 'cards')}`);
  if (c.edited) parts.push(`edited ${plural(c.edited, 'card', 'cards')}`);
  if (c.moved) parts.push(`moved ${plural(c.moved, 'card', 'cards')}`);
  if (c.deleted) parts.push(`deleted ${plural(c.deleted, 'card', 'cards')}`);
  if (c.restored) parts.push(`restored ${plural(c.restored, 'card', 'cards')}`);
  if (s.title) parts.push('renamed the workshop');
  if (s.roster) parts.push('updated the roster');
  if (s.charter) parts.push(`charter: ${plural(s.charter, 'change', 'changes')}`);
  if (s.facilitation) parts.push(`facilitation: ${plural(s.facilitation, 'change', 'changes')}`);
  if (s.pins) parts.push('pinned a point');
  return parts.length > 0 ? parts.join(', ') : 'no visible change';
}

export function describeKind(entry: TimelineEntry): string | null {
  switch (entry.kind) {
    case 'checkpoint':
      return 'The board as the kept history starts';
    case 'restore':
      return 'Restored from the history';
    case 'migration':
      return 'Brought up to this version of Bridgeboard';
    case 'import':
      return 'Imported';
    default:
      return null;
  }
}

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

export function describeTime(entry: TimelineEntry): string {
  if (entry.startAt === null || entry.startAt === 0) return 'before the history was kept';
  const start = time.format(entry.startAt);
  return entry.endAt !== null && entry.endAt - entry.startAt >= 60_000 ? `${start} – ${time.format(entry.endAt)}` : start;
}
