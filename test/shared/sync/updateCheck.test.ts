// The check both hosts run before storing a change: every update a board produces passes
// (including the whole-board state a joiner receives), and bytes that are not one are refused
// with a reason.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, moveCard } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { notAnUpdateReason } from '../../../shared/sync/updateCheck';

function boardEdits(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  initWorkshop(doc, { title: 'Check', facilitator: 'F', createdAt: 0 });
  const a = addCard(doc, { section: 'goals', fields: { title: 'Uptime' }, author: { name: 'I', side: 'IT' } }, 1);
  addCard(doc, { section: 'goals', fields: { title: 'Safety' }, author: { name: 'O', side: 'OT' } }, 2);
  moveCard(doc, a, 'risks', 0);
  doc.getText('notes').insert(0, 'Purdue level 3.5 – the DMZ ✓');
  doc.getText('notes').delete(0, 7);
  updates.push(Y.encodeStateAsUpdate(doc), Y.mergeUpdates(updates));
  return updates;
}

describe('notAnUpdateReason', () => {
  it('passes every update a board produces', () => {
    const updates = boardEdits();
    expect(updates.length).toBeGreaterThan(5);
    for (const update of updates) expect(notAnUpdateReason(update)).toBeNull();
  });

  it.each([
    ['empty bytes', new Uint8Array(0), 'they are empty'],
    ['garbage', Uint8Array.from([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37]), 'they do not decode'],
    ['text', new TextEncoder().encode('{"cards": []}'), 'they do not decode'],
    ['a PNG signature', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'they do not decode'],
  ])('refuses %s', (_what, bytes, reason) => {
    expect(notAnUpdateReason(bytes)).toContain(reason);
  });

  it('refuses a real update cut short', () => {
    const state = boardEdits().at(-1) ?? new Uint8Array();
    for (const keep of [1, 2, Math.floor(state.byteLength / 2), state.byteLength - 1]) {
      expect(notAnUpdateReason(state.subarray(0, keep)), `first ${keep} bytes`).toMatch(/^they do not decode/);
    }
  });
});
