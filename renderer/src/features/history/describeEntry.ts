// A timeline entry in words, in the reader's language: who, when and what, as people read it in
// the history.
import type { ChangeSummary, TimelineEntry } from '../../../../shared/history';
import type { Formatter, MessageKey, Translate } from '../../core/i18n';

const COUNTED: readonly (readonly [keyof ChangeSummary['counts'], MessageKey])[] = [
  ['added', 'history.summary.added'],
  ['edited', 'history.summary.edited'],
  ['moved', 'history.summary.moved'],
  ['deleted', 'history.summary.deleted'],
  ['restored', 'history.summary.restored'],
];

export function describeSummary(t: Translate, format: Formatter, s: ChangeSummary): string {
  const parts: string[] = [];
  for (const [kind, key] of COUNTED) if (s.counts[kind]) parts.push(t(key, { count: s.counts[kind] }));
  if (s.title) parts.push(t('history.summary.renamed'));
  if (s.roster) parts.push(t('history.summary.roster'));
  if (s.charter) parts.push(t('history.summary.charter', { count: s.charter }));
  if (s.facilitation) parts.push(t('history.summary.facilitation', { count: s.facilitation }));
  if (s.pins) parts.push(t('history.summary.pins'));
  return parts.length > 0 ? format.list(parts, 'unit') : t('history.summary.none');
}

export function describeKind(t: Translate, entry: TimelineEntry): string | null {
  switch (entry.kind) {
    case 'checkpoint':
      return t('history.kind.checkpoint');
    case 'restore':
      return t('history.kind.restore');
    case 'migration':
      return t('history.kind.migration');
    case 'import':
      return t('history.kind.import');
    default:
      return null;
  }
}

export function describeTime(t: Translate, format: Formatter, entry: TimelineEntry): string {
  if (entry.startAt === null || entry.startAt === 0) return t('history.beforeKept');
  return entry.endAt !== null && entry.endAt - entry.startAt >= 60_000 ? format.range(entry.startAt, entry.endAt) : format.dateTime(entry.startAt, 'short', 'medium');
}
