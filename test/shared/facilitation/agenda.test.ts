// The agenda: the built-in template as a facilitator sees it, editing it through a signed
// action, and keeping it as one's own template.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BUILT_IN_AGENDA, checkAgenda, currentPhase, parseTemplates, readFacilitation, saveTemplate, sectionOpen, totalMinutes } from '../../../shared/facilitation';
import { act, testKey, WORKSHOP } from '../../support/facilitatorKeys';

const facilitator = testKey(5);

describe('agenda', () => {
  it('the built-in template runs Frame to Sign, each with a duration, prompts and open sections', () => {
    expect(BUILT_IN_AGENDA.name).toBe('AI in production: an IT/OT charter');
    expect(BUILT_IN_AGENDA.phases.map((p) => p.title)).toEqual(['Frame', 'Shared language', 'Common goals', 'Trade-offs', 'Incentives', 'Accountability', 'Vote', 'Agree', 'Sign']);
    for (const phase of BUILT_IN_AGENDA.phases) {
      expect(phase.minutes).toBeGreaterThan(0);
      expect(phase.prompts.length).toBeGreaterThan(0);
      expect(phase.openSections).toContain('parking');
    }
    const prompts = BUILT_IN_AGENDA.phases.flatMap((p) => p.prompts).join(' ');
    for (const topic of ['segmentation', 'cybersecurity', 'uptime', 'safety', 'resilience', 'performance', 'accountable when an AI', 'degrades', 'security alert', 'skills']) {
      expect(prompts.toLowerCase()).toContain(topic.toLowerCase());
    }
    expect(totalMinutes(BUILT_IN_AGENDA)).toBeGreaterThan(120);
  });

  it('in the Accountability phase only accountability (and the parking lot) can be edited', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'accountability' });
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(['goals', 'tradeoffs', 'incentives', 'accountability', 'risks', 'language', 'skills', 'parking'].filter((s) => sectionOpen(state, s as 'goals'))).toEqual(['accountability', 'parking']);
  });

  it('an edited agenda applies for everyone, and a removed current phase ends the phase', async () => {
    const doc = new Y.Doc();
    await act(doc, facilitator, 1, { type: 'phase.set', phaseId: 'vote' });
    const edited = { ...BUILT_IN_AGENDA, phases: [...BUILT_IN_AGENDA.phases.filter((p) => p.id !== 'vote'), { id: 'risks', title: 'Risks', minutes: 20, prompts: ['Which conduits?'], openSections: ['risks' as const] }] };
    await act(doc, facilitator, 2, { type: 'agenda.set', agenda: edited });
    const state = readFacilitation(doc, WORKSHOP, facilitator.publicKey);
    expect(state.agenda.phases.at(-1)?.title).toBe('Risks');
    expect(currentPhase(state)).toBeNull();
  });

  it('refuses an agenda a facilitator could not run, with a reason', () => {
    expect(checkAgenda({ ...BUILT_IN_AGENDA, phases: [] })).toMatchObject({ ok: false });
    const dup = checkAgenda({ ...BUILT_IN_AGENDA, phases: [BUILT_IN_AGENDA.phases[0], BUILT_IN_AGENDA.phases[0]] });
    expect(dup).toMatchObject({ ok: false, error: expect.stringContaining('unique') });
  });

  it('saves as my template, replaces by name, and survives a round trip through storage', () => {
    const mine = saveTemplate([], { ...BUILT_IN_AGENDA, phases: BUILT_IN_AGENDA.phases.slice(0, 3) }, 'Short session');
    const again = saveTemplate(mine, BUILT_IN_AGENDA, 'Short session');
    expect(again).toHaveLength(1);
    expect(again[0]?.phases).toHaveLength(9);
    expect(parseTemplates(JSON.parse(JSON.stringify(again)))).toEqual(again);
    expect(parseTemplates('garbage')).toEqual([]);
    expect(() => saveTemplate([], BUILT_IN_AGENDA, BUILT_IN_AGENDA.name)).toThrow(/built-in/);
  });
});
