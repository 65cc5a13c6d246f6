// The charter's findings and quorum needs, reported by shared/ as data, worded in the reader's
// language with the plural forms that language needs (Polish one, few, many).
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM, quorumNeeds, type CharterContent, type CharterFinding } from '../../../shared/charter';
import { currentFormat, setLocale, t } from '../../../renderer/src/core/i18n';
import { findingText, needText, quorumProblemText } from '../../../renderer/src/features/charter/charterWording';

const content = (accountable: string): CharterContent =>
  ({
    title: 'Linia 4',
    purpose: '',
    scope: '',
    reviewDate: '',
    sections: [{ id: 'accountability', title: 'Odpowiedzialność', fields: [], items: [{ cardId: 'c1', title: 'Zmiana nastawy', fields: { accountable } }] }],
  }) as unknown as CharterContent;
const finding: CharterFinding = { code: 'accountable-count', cardId: 'c1', message: 'English for the CLI' };

describe('charter words in Polish', () => {
  afterAll(() => setLocale('en'));

  it('counts Accountables with one, few and many', async () => {
    await setLocale('pl');
    const f = currentFormat();
    expect(findingText(t, f, finding, content(''))).toBe('Scenariusz „Zmiana nastawy” ma zero osób rozliczanych; potrzebna jest dokładnie jedna.');
    expect(findingText(t, f, finding, content('Ana, Bo'))).toContain('ma 2 osoby rozliczane;');
    expect(findingText(t, f, finding, content('A, B, C, D, E'))).toContain('ma 5 osób rozliczanych;');
  });

  it('words what a quorum still needs, and why a lowered one needs a reason', async () => {
    await setLocale('pl');
    const needs = quorumNeeds({ ...DEFAULT_QUORUM, minIT: 3, minOT: 5 }, [], new Set());
    expect(needs.map((n) => needText(t, n))).toEqual(['jeszcze 3 podpisy strony IT', 'jeszcze 5 podpisów strony OT', 'facylitator']);
    expect(quorumProblemText(t, currentFormat(), { ...DEFAULT_QUORUM, requireSeal: false })).toContain('pieczęć nie jest wymagana');
    expect(quorumProblemText(t, currentFormat(), { ...DEFAULT_QUORUM, requireSeal: false, reducedReason: 'Próba' })).toBeNull();
  });
});
