// The language picker in the top bar: each language named in itself, plus "the browser's
// language" and the pseudo-locale for checking the catalogs. The choice is kept on this device.
import { useId } from 'react';
import { CATALOG_LOCALES, LOCALE_NAMES, PSEUDO_LOCALE, isAppLocale, setLocale, useLocaleChoice, useT } from '../core/i18n';
import { notifyError } from '../core/notices';
import { describeError } from '../core/describeError';

const FOLLOW = 'auto';

export function LanguagePicker() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const id = useId();
  const pick = (value: string) => {
    setLocale(isAppLocale(value) ? value : null).catch((e: unknown) => notifyError(describeError(e, t('app.doing.language'))));
  };
  return (
    <span className="language-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select id={id} value={locale ?? FOLLOW} onChange={(e) => pick(e.target.value)} data-testid="language-picker">
        <option value={FOLLOW}>{t('app.languageAuto')}</option>
        {[...CATALOG_LOCALES, PSEUDO_LOCALE].map((l) => (
          // Each language in its own words, never translated.
          <option key={l} value={l} lang={l} translate="no">
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
