// The charter's document languages: the board's words for sections and fields in each (the
// renderer's catalogs say the same), the font files the layout was made with, and the Accountable
// check reading names joined in each language.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionSpec } from '../../../shared/board/sections';
import { CHARTER_FONT_FILES, CHARTER_FONT_SHA256, CHARTER_SECTIONS, DOCUMENT_LANGUAGES, charterWords, splitNames } from '../../../shared/charter';
import { fontPath } from '../../../cli/charterFonts';

const catalog = (lang: string): Record<string, string> => JSON.parse(readFileSync(join(__dirname, '../../../renderer/src/core/i18n/locales', `${lang}.json`), 'utf8')) as Record<string, string>;

describe('document languages', () => {
  for (const lang of DOCUMENT_LANGUAGES) {
    it(`${lang}: every section and field in the board's words of that language`, () => {
      const words = charterWords(lang);
      const messages = catalog(lang);
      for (const id of CHARTER_SECTIONS) {
        expect(words.sections[id].title).toBe(messages[`board.section.${id}.title`]);
        const keys = sectionSpec(id).fields.filter((f) => f.key !== 'title').map((f) => f.key);
        expect(Object.keys(words.sections[id].fields).sort()).toEqual([...keys].sort());
        for (const key of keys) expect(words.sections[id].fields[key], `${id}.${key}`).toBe(messages[`board.field.${id}.${key}`] ?? messages[`board.field.${key}`]);
      }
    });
  }

  it('are drawn with exactly the font files layout 2 was made with', () => {
    for (const file of CHARTER_FONT_FILES) expect(createHash('sha256').update(readFileSync(fontPath(file))).digest('hex')).toBe(CHARTER_FONT_SHA256[file]);
  });

  it('count Polish plurals as Polish does', () => {
    const pl = charterWords('pl');
    expect([1, 2, 5, 12, 22, 25].map((n) => pl.summary.more(n))).toEqual([
      '… i 1 kolejna pozycja w karcie poniżej',
      '… i 2 kolejne pozycje w karcie poniżej',
      '… i 5 kolejnych pozycji w karcie poniżej',
      '… i 12 kolejnych pozycji w karcie poniżej',
      '… i 22 kolejne pozycje w karcie poniżej',
      '… i 25 kolejnych pozycji w karcie poniżej',
    ]);
  });
});

describe('splitNames, for the exactly-one-Accountable check', () => {
  it('reads names joined in every catalog language', () => {
    const cases: [string, string[]][] = [
      ['Ana, Bo and Cy', ['Ana', 'Bo', 'Cy']],
      ['Ana AND Bo', ['Ana', 'Bo']],
      ['Anna Schmidt und Bernd Weber', ['Anna Schmidt', 'Bernd Weber']],
      ['Jean Martin et Marie Durand', ['Jean Martin', 'Marie Durand']],
      ['Ana García y Luis Pérez', ['Ana García', 'Luis Pérez']],
      ['Ana e Inés', ['Ana', 'Inés']],
      ['Anna Nowak i Piotr Wiśniewski', ['Anna Nowak', 'Piotr Wiśniewski']],
      ['王小明和李华', ['王小明', '李华']],
      ['王小明、李华', ['王小明', '李华']],
      ['Ana / Bo', ['Ana', 'Bo']],
      ['Ana & Bo', ['Ana', 'Bo']],
      ['Ana; Bo', ['Ana', 'Bo']],
    ];
    for (const [cell, names] of cases) expect(splitNames(cell), cell).toEqual(names);
  });

  it('keeps one name whole, initials and words that only contain a conjunction included', () => {
    for (const one of ['Plant manager', 'Andrea Kim', 'Sandra Etienne', 'John Y Smith', 'Werksleiterin', 'Kierownik zakładu', '王小明']) expect(splitNames(one), one).toEqual([one]);
  });
});
