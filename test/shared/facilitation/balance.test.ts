// The balance view: contributions by side and the gaps a facilitator should steer towards.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot, type Side } from '../../../shared/board';
import { accountableNames, computeBalance } from '../../../shared/facilitation';

function board(cards: { section: Parameters<typeof addCard>[1]['section']; side: Side; fields: Record<string, string> }[]) {
  const doc = new Y.Doc();
  for (const c of cards) addCard(doc, { section: c.section, fields: c.fields, author: { name: c.side === 'IT' ? 'Ana' : 'Olga', side: c.side } }, 1);
  return buildSnapshot(doc);
}

describe('balance', () => {
  it('counts contributions by side and lists every kind of gap', () => {
    const snapshot = board([
      { section: 'tradeoffs', side: 'IT', fields: { title: 'Patch cadence vs. maintenance windows', itView: 'Monthly', otView: '' } },
      { section: 'tradeoffs', side: 'OT', fields: { title: 'Remote vendor access', itView: 'VPN', otView: 'Escorted' } },
      { section: 'goals', side: 'OT', fields: { title: 'Uptime', itOwner: '', otOwner: 'Olga' } },
      { section: 'accountability', side: 'IT', fields: { title: 'Model degrades', accountable: 'Ana and Olga' } },
      { section: 'accountability', side: 'IT', fields: { title: 'Security alert on OT', accountable: 'Ana' } },
    ]);
    const balance = computeBalance(snapshot);
    expect(balance.contributions).toEqual({ IT: 3, OT: 2, facilitator: 0 });
    expect(balance.gaps.map((g) => g.message)).toEqual([
      'Goal “Uptime” has no IT owner.',
      'IT is silent in Common goals.',
      'Trade-off “Patch cadence vs. maintenance windows” has no OT view.',
      'Scenario “Model degrades” has 2 Accountables; it needs exactly one.',
      'OT is silent in Accountability.',
    ]);
  });

  it('a scenario with no Accountable is a gap; an empty board has none', () => {
    expect(computeBalance(board([{ section: 'accountability', side: 'OT', fields: { title: 'Setpoint off-spec' } }])).gaps.map((g) => g.kind)).toEqual(['accountable', 'silent-side']);
    expect(computeBalance(board([])).gaps).toEqual([]);
  });

  it.each([
    ['Ana', 1],
    ['Ana, Ben', 2],
    ['Ana / Ben', 2],
    ['Ana and Ben', 2],
    ['  ', 0],
    ['Plant manager (Olga)', 1],
    // The balance counts as the charter's check does, in every catalog language.
    ['Ana und Ben', 2],
    ['Ana et Ben', 2],
    ['Ana y Ben', 2],
    ['Anna oraz Bartek', 2],
    ['王小明和李华', 2],
    ['王小明、李华', 2],
    ['Sandra Andersson', 1],
  ])('"%s" names %i accountable', (value, n) => {
    expect(accountableNames(value)).toHaveLength(n);
  });
});
