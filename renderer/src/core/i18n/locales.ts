// The languages the app speaks, and how a person's own language is found: their choice if they
// made one, else the first of the browser's (or the OS's, in Electron) languages we have a
// catalog for, else English. No catalog here, so the first render loads only the chosen one.

/** Languages with a catalog, as BCP 47 tags (also what <html lang> gets). */
export const CATALOG_LOCALES = ['en', 'de', 'fr', 'es', 'pl', 'zh-Hans'] as const;
export type CatalogLocale = (typeof CATALOG_LOCALES)[number];

/**
 * The pseudo-locale: English with every letter accented, each message bracketed and about 30%
 * longer, so untranslated text and text that does not fit stand out (the e2e sweep relies on it).
 */
export const PSEUDO_LOCALE = 'en-XA' as const;
export type AppLocale = CatalogLocale | typeof PSEUDO_LOCALE;

export const SOURCE_LOCALE: CatalogLocale = 'en';

/** Each language in its own words, as the picker shows it (never translated). */
export const LOCALE_NAMES: Readonly<Record<AppLocale, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  pl: 'Polski',
  'zh-Hans': '简体中文',
  'en-XA': 'Pseudo (en-XA)',
};

export const isAppLocale = (value: unknown): value is AppLocale =>
  value === PSEUDO_LOCALE || (CATALOG_LOCALES as readonly unknown[]).includes(value);

/** The catalog for one preferred language tag, or null when we have none for it. */
function match(tag: string): CatalogLocale | null {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return null;
  }
  if (locale.language === 'zh') {
    // Only Simplified Chinese has a catalog: zh-TW and zh-HK readers are not handed it as if it
    // were theirs; the next language they prefer is tried instead.
    return locale.script === 'Hans' ? 'zh-Hans' : null;
  }
  return CATALOG_LOCALES.find((l) => l === locale.language) ?? null;
}

/** The first of the preferred languages (navigator.languages, in order) that has a catalog. */
export function negotiateLocale(preferred: readonly string[]): CatalogLocale {
  for (const tag of preferred) {
    const found = match(tag);
    if (found) return found;
  }
  return SOURCE_LOCALE;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The writing direction for <html dir>; none of today's catalogs is right-to-left, a later one may be. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    return RTL_LANGUAGES.has(new Intl.Locale(tag).language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
