// The language and time zone in effect, and the message formatter for them. Both follow the
// person: their choice if they made one (kept in localStorage, per device), else the browser's
// or OS's languages and the system's zone. Changing either re-renders every view that uses
// useT or useFormat; <html lang> and dir follow. No React here: services word their messages
// with `t` too.
import { createElement, type ReactNode } from 'react';
import { createStore } from 'zustand/vanilla';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { loadCatalog, type Catalog, type MessageKey } from './catalogs';
import { isAppLocale, negotiateLocale, PSEUDO_LOCALE, SOURCE_LOCALE, textDirection, type AppLocale } from './locales';
import { createFormatter, systemTimeZone, type Formatter } from './formatters';

export type MessageValue = string | number | null | undefined;
export type MessageValues = Readonly<Record<string, MessageValue>>;
export type RichValues = Readonly<Record<string, MessageValue | ReactNode | ((chunks: ReactNode[]) => ReactNode)>>;

/** A message in the current language. `rich` is for messages with tags (<hidden>, <strong>…). */
export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
  rich(key: MessageKey, values?: RichValues): ReactNode;
}

export interface I18nState {
  readonly locale: AppLocale;
  /** What the person picked; null follows the browser's languages. */
  readonly chosenLocale: AppLocale | null;
  /** What the person picked; null follows the system. */
  readonly chosenTimeZone: string | null;
  readonly intl: IntlShape;
  readonly t: Translate;
  readonly format: Formatter;
}

const LOCALE_KEY = 'bridgeboard.locale';
const ZONE_KEY = 'bridgeboard.timeZone';
const cache = createIntlCache();

/** Tags every catalog may use: text only screen readers get, and emphasis. */
const richElements = {
  hidden: (chunks: ReactNode[]) => createElement('span', { className: 'visually-hidden' }, ...chunks),
  strong: (chunks: ReactNode[]) => createElement('strong', null, ...chunks),
};

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this session only.
  }
}

function validZone(zone: string | null): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

function makeState(locale: AppLocale, messages: IntlShape['messages'], chosenLocale: AppLocale | null, chosenTimeZone: string | null): I18nState {
  const timeZone = chosenTimeZone ?? systemTimeZone();
  const intl = createIntl(
    {
      locale,
      messages,
      timeZone,
      defaultLocale: SOURCE_LOCALE,
      defaultRichTextElements: richElements,
      onError: (e) => {
        // en-XA has no locale data of its own: it formats as English, which is the point.
        if (e.code === 'MISSING_DATA' && locale === PSEUDO_LOCALE) return;
        // Before the first catalog is loaded (Node tests), a message reads as its key.
        if (e.code === 'MISSING_TRANSLATION' && Object.keys(messages).length === 0) return;
        console.error(e);
      },
    },
    cache,
  );
  const t = ((key, values) => intl.formatMessage({ id: key }, values)) as Translate;
  t.rich = (key, values) => intl.formatMessage({ id: key }, values as Parameters<IntlShape['formatMessage']>[1]);
  const format = createFormatter(locale, timeZone, (time, offset) => t('time.withOffset', { time, offset }));
  return { locale, chosenLocale, chosenTimeZone, intl, t, format };
}

/** Until initI18n has loaded a catalog, messages read as their keys (in Node tests, say). */
// The empty catalog is the one place a catalog may lack keys.
export const i18nStore = createStore<I18nState>()(() => makeState(SOURCE_LOCALE, {} as Catalog, null, null));

async function messagesFor(locale: AppLocale): Promise<IntlShape['messages']> {
  if (locale !== PSEUDO_LOCALE) return loadCatalog(locale);
  const [{ pseudoCatalog }, source] = await Promise.all([import('./pseudoCatalog'), loadCatalog(SOURCE_LOCALE)]);
  return pseudoCatalog(source);
}

function applyToDocument(locale: AppLocale): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

let switching = 0;

async function switchTo(locale: AppLocale, chosenLocale: AppLocale | null, chosenTimeZone: string | null): Promise<void> {
  const mine = ++switching;
  const messages = await messagesFor(locale);
  // A later choice made while this catalog loaded wins.
  if (mine !== switching) return;
  i18nStore.setState(makeState(locale, messages, chosenLocale, chosenTimeZone));
  applyToDocument(locale);
}

const preferred = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

/** Loads the person's language before the first render. */
export async function initI18n(): Promise<void> {
  const choice = stored(LOCALE_KEY);
  const chosenLocale = isAppLocale(choice) ? choice : null;
  const chosenTimeZone = validZone(stored(ZONE_KEY));
  const locale = chosenLocale ?? negotiateLocale(preferred());
  try {
    await switchTo(locale, chosenLocale, chosenTimeZone);
  } catch (e) {
    console.error(e);
    await switchTo(SOURCE_LOCALE, null, chosenTimeZone);
  }
}

/** Picks a language (null: follow the browser's again); kept on this device. */
export async function setLocale(choice: AppLocale | null): Promise<void> {
  store(LOCALE_KEY, choice);
  await switchTo(choice ?? negotiateLocale(preferred()), choice, i18nStore.getState().chosenTimeZone);
}

/** Picks the time zone times are shown in (null: the system's); kept on this device. */
export function setTimeZone(zone: string | null): void {
  const chosen = validZone(zone);
  store(ZONE_KEY, chosen);
  const { locale, intl, chosenLocale } = i18nStore.getState();
  i18nStore.setState(makeState(locale, intl.messages, chosenLocale, chosen));
}

/** A message in the current language, for code outside React (services, stores). */
export const t: Translate = Object.assign((key: MessageKey, values?: MessageValues) => i18nStore.getState().t(key, values), {
  rich: (key: MessageKey, values?: RichValues) => i18nStore.getState().t.rich(key, values),
});

/** The current formatter, for code outside React. */
export const currentFormat = (): Formatter => i18nStore.getState().format;
