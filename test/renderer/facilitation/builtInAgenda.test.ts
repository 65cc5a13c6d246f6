// The built-in agenda in the reader's language: a phase still as shipped is worded from the
// catalog (English word for word as shared/ ships it), a phase a facilitator changed is theirs.
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_AGENDA } from '../../../shared/facilitation';
import { setLocale, t } from '../../../renderer/src/core/i18n';
import { agendaInLanguage, phaseInLanguage } from '../../../renderer/src/features/facilitation/builtInAgenda';

describe('the built-in agenda', () => {
  afterAll(() => setLocale('en'));

  it('reads in English exactly as shipped', async () => {
    await setLocale('en');
    expect(agendaInLanguage(t, BUILT_IN_AGENDA)).toEqual(BUILT_IN_AGENDA);
  });

  it('reads in German and Chinese, every phase and prompt', async () => {
    await setLocale('de');
    const german = agendaInLanguage(t, BUILT_IN_AGENDA);
    expect(german.phases.map((p) => p.title)).toEqual(['Rahmen', 'Gemeinsame Sprache', 'Gemeinsame Ziele', 'Zielkonflikte', 'Anreize', 'Verantwortlichkeiten', 'Abstimmung', 'Vereinbaren', 'Unterschreiben']);
    expect(german.phases[0]?.prompts[0]).toContain('Purdue-Ebene');
    await setLocale('zh-Hans');
    const chinese = agendaInLanguage(t, BUILT_IN_AGENDA);
    for (const [i, phase] of chinese.phases.entries()) {
      expect(phase.prompts).toHaveLength(BUILT_IN_AGENDA.phases[i]?.prompts.length ?? -1);
      expect(phase.title).not.toMatch(/[A-Za-z]/);
    }
  });

  it('leaves what a facilitator wrote as written', async () => {
    await setLocale('de');
    const frame = BUILT_IN_AGENDA.phases[0];
    if (!frame) throw new Error('no first phase');
    const edited = phaseInLanguage(t, { ...frame, title: 'Welcome and frame' });
    expect(edited.title).toBe('Welcome and frame');
    expect(edited.prompts[0]).toContain('Purdue-Ebene');
    const ownPrompts = phaseInLanguage(t, { ...frame, prompts: ['Our own question'] });
    expect(ownPrompts).toMatchObject({ title: 'Rahmen', prompts: ['Our own question'] });
    expect(phaseInLanguage(t, { ...frame, id: 'phase-10' }).title).toBe('Frame');
  });
});
