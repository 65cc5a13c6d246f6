// The message catalogs: one JSON file per language in locales/, English the source. Each is
// its own chunk, loaded when that language is chosen, so the first render carries only one.
// A catalog that lacks one of English's keys does not type-check here (and the catalog test
// says which key and which placeholders).
import type en from './locales/en.json';
import type { CatalogLocale } from './locales';

/** Every message id the app may use: the keys of the English catalog. */
export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

const loaders: Readonly<Record<CatalogLocale, () => Promise<{ readonly default: Catalog }>>> = {
  en: () => import('./locales/en.json'),
  de: () => import('./locales/de.json'),
  fr: () => import('./locales/fr.json'),
  es: () => import('./locales/es.json'),
  pl: () => import('./locales/pl.json'),
  'zh-Hans': () => import('./locales/zh-Hans.json'),
};

export async function loadCatalog(locale: CatalogLocale): Promise<Catalog> {
  return (await loaders[locale]()).default;
}

// react-intl checks message ids against the catalog too (useIntl().formatMessage({ id })).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageKey;
    }
  }
}
