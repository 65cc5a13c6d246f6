// The draft is built from agreed cards only, and flags what would make a weak charter.
import { describe, expect, it } from 'vitest';
import { buildCharterDraft, splitNames, type CharterFinding } from '../../../shared/charter';
import { card, makeRoom, sampleCards, snapshotOf } from './charterFixtures';

const room = makeRoom();
const draftOf = (cards = sampleCards(), roster = room.all.map((i) => i.participant)) =>
  buildCharterDraft({ snapshot: snapshotOf(cards), roster, purpose: 'Run AI on line 4 together.', scope: 'Line 4', reviewDate: '2027-05-01' });
const codes = (findings: readonly CharterFinding[]) => findings.map((f) => f.code);

describe('buildCharterDraft', () => {
  it('takes agreed cards only, in board order, and leaves out the parking lot', () => {
    const { content } = draftOf();
    const goals = content.sections.find((s) => s.id === 'goals');
    expect(goals?.items.map((i) => i.title)).toEqual(['Keep line 4 running']);
    expect(goals?.items[0]?.fields).toMatchObject({ metric: 'unplanned downtime / month', target: 'under 2 h', itOwner: 'Ana', otOwner: 'Bo' });
    expect(content.sections.map((s) => s.id)).not.toContain('parking');
    const raci = content.sections.find((s) => s.id === 'accountability')?.items[0]?.fields;
    expect(raci).toMatchObject({ accountable: 'Plant manager', itResponders: 'ML ops on call', otResponders: 'Shift lead', responseTime: '15 minutes' });
  });

  it('collects standard references once each, with the cards that cite them', () => {
    const { content } = draftOf();
    expect(content.references.map((r) => [r.reference, r.cardIds.length])).toEqual([
      ['MANAGE 4.1', 1],
      ['IEC 62443-2-3', 1],
      ['GOVERN 2.1', 2],
    ]);
  });

  it('a complete board and roster has no findings', () => {
    expect(draftOf().findings).toEqual([]);
  });

  it.each([
    ['', 0],
    ['Plant manager', 1],
    ['Ana, Bo', 2],
    ['Ana and Bo', 2],
    ['Ana; Bo / Cy', 3],
    ['Anand', 1],
  ])('counts Accountable names in %j as %i', (cell, n) => {
    expect(splitNames(cell)).toHaveLength(n);
  });

  it('flags a scenario without exactly one Accountable, or without responders on both sides', () => {
    const cards = [
      card('accountability', { title: 'Model drifts', accountable: 'Ana and Bo', itResponders: 'ML ops', otResponders: '', responseTime: '1 h' }),
      card('accountability', { title: 'Alert on OT network', accountable: '', itResponders: 'SOC', otResponders: 'Shift lead', responseTime: '15 min' }),
    ];
    const findings = draftOf(cards).findings;
    expect(findings.filter((f) => f.code === 'accountable-count').map((f) => f.message)).toEqual([
      'Scenario "Model drifts" has 2 Accountable; it needs exactly one.',
      'Scenario "Alert on OT network" has no Accountable; it needs exactly one.',
    ]);
    expect(codes(findings)).toContain('responders-one-side');
    expect(findings.find((f) => f.code === 'accountable-count')?.cardId).toBe(cards[0]?.id);
  });

  it('flags a goal without an owner on each side, and a trade-off without both views', () => {
    const findings = draftOf([
      card('goals', { title: 'Uptime', metric: 'h', target: '2', itOwner: 'Ana', otOwner: '' }),
      card('tradeoffs', { title: 'Patching', itView: 'monthly', otView: '', resolution: 'quarterly' }),
    ]).findings;
    expect(findings.map((f) => f.message)).toEqual(expect.arrayContaining(['Goal "Uptime" has no OT owner.', 'Trade-off "Patching" is missing the OT view.']));
  });

  it('flags a roster with no IT or no OT participant, and an unreachable quorum', () => {
    const findings = draftOf(sampleCards(), [room.it.participant, room.fac.participant]).findings;
    expect(codes(findings)).toEqual(expect.arrayContaining(['no-ot-participant', 'quorum-unreachable']));
    expect(codes(findings)).not.toContain('no-it-participant');
  });

  it('flags a participant whose fingerprint was not compared in person', () => {
    const unchecked = { ...room.ot.participant, checkedInPerson: false };
    const findings = draftOf(sampleCards(), [room.it.participant, unchecked, room.fac.participant]).findings;
    expect(findings.map((f) => f.message)).toEqual(["Bo Schmidt's key fingerprint has not been compared in person yet."]);
  });

  it('flags an empty charter, and missing purpose and review date', () => {
    const draft = buildCharterDraft({ snapshot: snapshotOf([card('goals', { title: 'x' }, 'proposed')]), roster: [], purpose: ' ', scope: '', reviewDate: '' });
    expect(codes(draft.findings)).toEqual(expect.arrayContaining(['nothing-agreed', 'purpose-missing', 'review-date-missing', 'no-facilitator']));
  });
});
