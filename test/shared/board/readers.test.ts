// The board's readers are total: whatever a broken or hostile peer (or an older version) left in
// the doc, reading the board never throws; an entry that does not fit is skipped, said where and
// why, and everything else shows. Board operations go on working around it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot, moveCard, orderedIds, readRoster, snapshotProblems, upsertParticipant } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';

/** A board with two good cards, then `spoil` applied straight to the doc, past any guard. */
function spoiled(spoil: (doc: Y.Doc, first: string) => void) {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 });
  const first = addCard(doc, { section: 'goals', fields: { title: 'First' }, author: { name: 'A', side: 'IT' } }, 1);
  addCard(doc, { section: 'goals', fields: { title: 'Second' }, author: { name: 'B', side: 'OT' } }, 2);
  spoil(doc, first);
  return doc;
}

const card = (doc: Y.Doc, id: string) => doc.getMap('cards').get(id) as Y.Map<unknown>;

describe('total readers', () => {
  const cases: [string, (doc: Y.Doc, first: string) => void, RegExp][] = [
    ['a card that is a string', (d, id) => d.getMap('cards').set(id, 'gone'), /expected a map, found a string/],
    ['a card that is a number', (d, id) => d.getMap('cards').set(id, 42), /expected a map, found a number/],
    ['a card that is null', (d, id) => d.getMap('cards').set(id, null), /expected a map, found null/],
    ['a card that is text', (d, id) => d.getMap('cards').set(id, new Y.Text('x')), /expected a map, found text/],
    ['a field that is an object', (d, id) => (card(d, id).get('fields') as Y.Map<unknown>).set('title', { evil: true }), /an object that does not fit/],
    ['a card without fields', (d, id) => card(d, id).delete('fields'), /without a section, side, status or fields/],
    ['fields that are a list', (d, id) => card(d, id).set('fields', new Y.Array()), /expected a map, found a list/],
    ['an unknown section', (d, id) => card(d, id).set('section', 'nowhere'), /does not fit/],
    ['a rank that is an object', (d, id) => card(d, id).set('rank', { x: 1 }), /does not fit/],
  ];
  for (const [name, spoil, reason] of cases) {
    it(`${name}: the rest of the board reads, the bad entry is reported`, () => {
      const doc = spoiled(spoil);
      const snapshot = buildSnapshot(doc);
      expect(snapshot.sections.goals.map((c) => c.fields.title)).toContain('Second');
      expect(snapshotProblems(snapshot).map((p) => p.reason).join('\n')).toMatch(reason);
      // Every card shown has only text fields, whatever the doc held.
      for (const c of Object.values(snapshot.cards)) for (const v of Object.values(c.fields)) expect(typeof v).toBe('string');
      // Ordering, adding and moving work around it.
      expect(() => orderedIds(doc, 'goals')).not.toThrow();
      const added = addCard(doc, { section: 'goals', fields: { title: 'Third' }, author: { name: 'C', side: 'IT' } }, 3);
      moveCard(doc, added, 'goals', 0);
      // Before every readable card (a card whose rank cannot be read sorts first of all).
      const order = buildSnapshot(doc).sections.goals.map((c) => c.fields.title);
      expect(order.indexOf('Third')).toBeLessThan(order.indexOf('Second'));
    });
  }

  it('a rank that is not a fractional index does not stop adding or moving cards', () => {
    const doc = spoiled((d, id) => card(d, id).set('rank', '!!!not a key'));
    const added = addCard(doc, { section: 'goals', fields: { title: 'Third' }, author: { name: 'C', side: 'IT' } }, 3);
    expect(() => moveCard(doc, added, 'goals', 1)).not.toThrow();
    expect(buildSnapshot(doc).sections.goals).toHaveLength(3);
  });

  it('the roster skips entries that are not entries, and upserting mine still works', () => {
    const doc = spoiled((d) => {
      d.getMap('roster').set('p-bad', 'not an entry');
      d.getMap('roster').set('p-nameless', new Y.Map());
    });
    upsertParticipant(doc, { id: 'p-good', name: 'Ana', side: 'IT', role: '' }, 5);
    const problems: string[] = [];
    expect(readRoster(doc, (p) => problems.push(`${p.where}: ${p.reason}`)).map((p) => p.name)).toEqual(['Ana']);
    expect(problems.join('\n')).toMatch(/p-bad: expected a map/);
    expect(problems.join('\n')).toMatch(/p-nameless: an entry without a name/);
  });

  it('a title that is not text shows as untitled, and says so', () => {
    const doc = spoiled((d) => d.getMap('meta').set('title', 7));
    const snapshot = buildSnapshot(doc);
    expect(snapshot.meta.title).toBe('Untitled workshop');
    expect(snapshot.problems.meta?.[0]?.where).toBe('meta › title');
  });
});
