// i18n: the catalogs, the language and time zone in effect, and the helpers every layer uses to
// say things in them. Everything may import this; it imports no feature.
export { CATALOG_LOCALES, LOCALE_NAMES, PSEUDO_LOCALE, isAppLocale, negotiateLocale, textDirection, type AppLocale, type CatalogLocale } from './locales';
export type { Catalog, MessageKey } from './catalogs';
export { currentFormat, i18nStore, initI18n, setLocale, setTimeZone, t, type MessageValues, type RichValues, type Translate } from './i18nStore';
export { systemTimeZone, utcOffset, type Formatter } from './formatters';
export { I18nProvider, useFormat, useLocale, useLocaleChoice, useT } from './useI18n';
export { boardErrorText, choiceLabel, fieldHint, fieldLabel, isMessageKey, sectionPurpose, sectionTitle, sideLabel, statusLabel, workshopFileErrorText } from './boardText';
