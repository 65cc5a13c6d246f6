// Whose language and time: the browser's languages pick a catalog (the first we have, by
// language and, for Chinese, script), the pseudo-locale marks every letter and keeps every
// message formatting, and times read local with the UTC offset of that moment in that zone.
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { negotiateLocale, textDirection } from '../../../renderer/src/core/i18n/locales';
import { pseudoCatalog } from '../../../renderer/src/core/i18n/pseudoCatalog';
import { createFormatter, utcOffset } from '../../../renderer/src/core/i18n/formatters';
import type { Catalog } from '../../../renderer/src/core/i18n/catalogs';
import en from '../../../renderer/src/core/i18n/locales/en.json';

describe('negotiateLocale', () => {
  it.each([
    [['de-AT', 'en'], 'de'],
    [['fr-CA'], 'fr'],
    [['es-MX', 'en-US'], 'es'],
    [['pl'], 'pl'],
    [['zh-CN'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh-SG'], 'zh-Hans'],
    // Traditional Chinese has no catalog: the next language preferred is used.
    [['zh-TW', 'fr'], 'fr'],
    [['zh-Hant-HK'], 'en'],
    [['pt-BR', 'it', 'de'], 'de'],
    [['xx-invalid!!'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(negotiateLocale(preferred)).toBe(expected);
  });

  it('is left-to-right for every catalog and right-to-left for Arabic or Hebrew', () => {
    expect(['en', 'de', 'fr', 'es', 'pl', 'zh-Hans', 'en-XA'].map(textDirection)).toEqual(Array(7).fill('ltr'));
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
  });
});

describe('the pseudo-locale', () => {
  const pseudo = pseudoCatalog(en as Catalog);
  const intl = createIntl({ locale: 'en', messages: pseudo, onError: (e) => { throw e; } });
  /** A value for every placeholder of a message: numbers for plurals, a non-Latin mark for text. */
  const valuesFor = (source: string): Record<string, string | number | ((chunks: string[]) => string)> => {
    const out: Record<string, string | number | ((chunks: string[]) => string)> = {};
    const walk = (elements: MessageFormatElement[]): void => {
      for (const el of elements) {
        if (el.type === TYPE.argument) out[el.value] = '·';
        if (el.type === TYPE.number || el.type === TYPE.plural) out[el.value] = 2;
        if (el.type === TYPE.select) out[el.value] = 'other';
        if (el.type === TYPE.tag) {
          out[el.value] = (chunks) => chunks.join('');
          walk(el.children);
        }
        if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
      }
    };
    walk(parse(source));
    return out;
  };

  it('bracketed, about 30% longer, with no plain ASCII letter outside what was put in', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const text = String(intl.formatMessage({ id: key }, valuesFor(en[key])));
      expect(text.startsWith('['), key).toBe(true);
      expect(text.endsWith(']'), key).toBe(true);
      expect(/[A-Za-z]/.test(text), `${key}: ${text}`).toBe(false);
    }
    const source = intl.formatMessage({ id: 'board.keyboardHelp' });
    expect(source.length).toBeGreaterThan(en['board.keyboardHelp'].length * 1.25);
  });

  it('keeps plural branches working', () => {
    expect(intl.formatMessage({ id: 'history.summary.added' }, { count: 1 })).toMatch(/^\[åððéð 1 çåŕð·+\]$/);
    expect(intl.formatMessage({ id: 'history.summary.added' }, { count: 2 })).toMatch(/^\[åððéð 2 çåŕðš·+\]$/);
  });
});

describe('formatting', () => {
  const withOffset = (time: string, offset: string) => `${time} (UTC${offset})`;
  const at = Date.UTC(2026, 11, 3, 13, 32, 5); // 3 December 2026, 13:32:05 UTC

  it.each([
    ['Europe/Berlin', '+01:00'],
    ['Asia/Kolkata', '+05:30'],
    ['America/New_York', '-05:00'],
    ['Asia/Shanghai', '+08:00'],
    ['UTC', '+00:00'],
  ])('the UTC offset in %s is %s', (zone, offset) => {
    expect(utcOffset(new Date(at), zone)).toBe(offset);
  });

  it('follows daylight saving time: Berlin is +02:00 in July', () => {
    expect(utcOffset(new Date(Date.UTC(2026, 6, 1, 12)), 'Europe/Berlin')).toBe('+02:00');
  });

  it('shows a signing time local, to the second, with its offset, in each language', () => {
    expect(createFormatter('de', 'Europe/Berlin', withOffset).signingTime(new Date(at).toISOString())).toBe('3. Dez. 2026, 14:32:05 (UTC+01:00)');
    expect(createFormatter('en', 'America/New_York', withOffset).signingTime(at)).toBe('Dec 3, 2026, 08:32:05 AM (UTC-05:00)');
    expect(createFormatter('zh-Hans', 'Asia/Shanghai', withOffset).signingTime(at)).toBe('2026年12月3日 21:32:05 (UTC+08:00)');
    expect(createFormatter('pl', 'Europe/Warsaw', withOffset).signingTime('not a time')).toBe('not a time');
  });

  it('formats numbers, sizes and lists in the language', () => {
    expect(createFormatter('de', 'UTC', withOffset).number(4001)).toBe('4.001');
    expect(createFormatter('fr', 'UTC', withOffset).number(4001)).toBe('4\u202f001');
    expect(createFormatter('pl', 'UTC', withOffset).megabytes(64 * 1_048_576)).toBe('64 MB');
    expect(createFormatter('es', 'UTC', withOffset).list(['Ana', 'Luis', 'tú'])).toBe('Ana, Luis y tú');
  });

  it('accents dates in the pseudo-locale too', () => {
    expect(createFormatter('en-XA', 'UTC', withOffset).dateTime(at)).not.toMatch(/[A-Za-z]/);
  });
});
