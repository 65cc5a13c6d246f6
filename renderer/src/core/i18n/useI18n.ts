// React access to the language in effect: components re-render when it, or the time zone,
// changes. The provider also hands react-intl's own components and useIntl the same formatter.
import { createElement, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { RawIntlProvider } from 'react-intl';
import { i18nStore, type Translate } from './i18nStore';
import type { Formatter } from './formatters';
import type { AppLocale } from './locales';

export const useT = (): Translate => useStore(i18nStore, (s) => s.t);
export const useFormat = (): Formatter => useStore(i18nStore, (s) => s.format);
export const useLocale = (): AppLocale => useStore(i18nStore, (s) => s.locale);
export const useLocaleChoice = (): { readonly locale: AppLocale | null; readonly timeZone: string | null } => {
  const locale = useStore(i18nStore, (s) => s.chosenLocale);
  const timeZone = useStore(i18nStore, (s) => s.chosenTimeZone);
  return { locale, timeZone };
};

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const intl = useStore(i18nStore, (s) => s.intl);
  return createElement(RawIntlProvider, { value: intl }, children);
}
