// Taking the minutes: the whole board in the reader's language as Markdown, CSV or PDF, saved
// through the host (the desktop app's save dialog, or a download in a browser), like the
// workshop file and the charter's exports.
import { loadMinutesFaces, minutesPdfText, renderMinutesCsv, renderMinutesMarkdown, renderMinutesPdf, type MinutesInput } from '../../../../shared/minutes';
import type { Host } from '../../host/Host';
import { currentFormat, t } from '../../core/i18n';
import { minutesWords } from './minutesWords';

export type MinutesFormat = 'md' | 'csv' | 'pdf';

/** A file name from the workshop's title in any script: only what no file system allows is replaced. */
export function minutesFileName(title: string, format: MinutesFormat): string {
  const base = [...title]
    .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' ? ' ' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return `${[...(base || 'workshop')].slice(0, 60).join('').trim()} - ${t('minutes.fileName')}.${format}`;
}

/** Renders the minutes; the same input gives the same bytes (the PDF's fonts are build assets). */
export async function renderMinutes(input: MinutesInput, format: MinutesFormat): Promise<Uint8Array> {
  const words = minutesWords(t, currentFormat());
  if (format === 'md') return new TextEncoder().encode(renderMinutesMarkdown(input, words));
  if (format === 'csv') return new TextEncoder().encode(renderMinutesCsv(input, words));
  const { appFontLoader } = await import('./minutesFontFiles');
  return renderMinutesPdf(input, words, await loadMinutesFaces(minutesPdfText(input, words), appFontLoader));
}

/** Saves the minutes; false if the person cancelled the save dialog. */
export async function exportMinutes(host: Host, input: MinutesInput, format: MinutesFormat): Promise<{ saved: boolean; name: string }> {
  const name = minutesFileName(input.meta.title, format);
  return { saved: await host.files.save(name, await renderMinutes(input, format)), name };
}
