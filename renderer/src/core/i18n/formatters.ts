// Dates, times, numbers and lists in the reader's language and time zone, with Intl. Every
// view formats through these, so a change of language or zone reaches every date at once, and
// the pseudo-locale accents them too (the e2e sweep then sees no plain English month or "PM").
import { accent, isPseudoLocale } from './pseudoText';

export type DateStyle = 'short' | 'medium' | 'long';

export interface Formatter {
  readonly locale: string;
  /** The IANA zone every time is shown in. */
  readonly timeZone: string;
  dateTime(at: number | Date, dateStyle?: DateStyle, timeStyle?: DateStyle): string;
  /** Two moments as one range ("3 Dec, 10:02 – 10:40"), shortened where they share a day. */
  range(start: number | Date, end: number | Date): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A byte count in megabytes, for file size limits. */
  megabytes(bytes: number): string;
  list(items: readonly string[], type?: Intl.ListFormatType): string;
  /**
   * A signing (or any audit) time: local date and time to the second with the UTC offset in
   * effect then, e.g. "3 Dec 2026, 14:32:05 (UTC+01:00)", so two readers in different zones
   * can tell it is the same moment. Takes the ISO string a signature carries.
   */
  signingTime(at: string | number | Date): string;
}

/** The system's zone: what the OS (or the browser) is set to. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The offset from UTC in `timeZone` at that moment, as "+01:00", "-05:30" or "+00:00". */
export function utcOffset(at: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return /[+-]\d{2}:\d{2}/.exec(name)?.[0] ?? '+00:00';
}

const toDate = (at: string | number | Date): Date => (at instanceof Date ? at : new Date(at));

/**
 * `withOffset` words a time and its offset ("{time} (UTC{offset})" in the catalog), so the
 * parentheses and spacing follow the language.
 */
export function createFormatter(locale: string, timeZone: string, withOffset: (time: string, offset: string) => string): Formatter {
  const pseudo = isPseudoLocale(locale);
  // The pseudo-locale formats as English, then accents.
  const tag = pseudo ? 'en' : locale;
  const out = pseudo ? accent : (s: string) => s;
  const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
  const dtf = (dateStyle?: DateStyle, timeStyle?: DateStyle, seconds = false): Intl.DateTimeFormat => {
    const key = `${dateStyle}|${timeStyle}|${seconds}`;
    let f = dateTimeFormats.get(key);
    if (!f) {
      f = seconds
        ? new Intl.DateTimeFormat(tag, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        : new Intl.DateTimeFormat(tag, { timeZone, dateStyle, timeStyle });
      dateTimeFormats.set(key, f);
    }
    return f;
  };
  const number = (value: number, options?: Intl.NumberFormatOptions) => out(new Intl.NumberFormat(tag, options).format(value));
  return {
    locale,
    timeZone,
    dateTime: (at, dateStyle = 'medium', timeStyle = 'short') => out(dtf(dateStyle, timeStyle).format(toDate(at))),
    range: (start, end) => out(dtf('short', 'medium').formatRange(toDate(start), toDate(end))),
    number,
    // Binary megabytes, as the file limits are set (64 MB is 64 × 1,024 × 1,024 bytes).
    megabytes: (bytes) => number(bytes / 1_048_576, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
    list: (items, type = 'conjunction') => out(new Intl.ListFormat(tag, { type, style: type === 'unit' ? 'short' : 'long' }).format(items)),
    signingTime: (at) => {
      const date = toDate(at);
      if (Number.isNaN(date.getTime())) return String(at);
      return withOffset(out(dtf(undefined, undefined, true).format(date)), utcOffset(date, timeZone));
    },
  };
}
