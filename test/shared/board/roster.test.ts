// The roster: joining, updating one's entry, and refusing bad entries without changing the doc.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardError, readRoster, upsertParticipant } from '../../../shared/board';

describe('roster', () => {
  it('lists participants in join order and updates an existing entry in place', () => {
    const doc = new Y.Doc();
    upsertParticipant(doc, { id: 'p-fay', name: 'Fay', side: 'facilitator', role: 'Facilitator' }, 1);
    upsertParticipant(doc, { id: 'p-ines', name: 'Ines', side: 'IT', role: 'Network architect' }, 2);
    upsertParticipant(doc, { id: 'p-fay', name: 'Fay B.', side: 'facilitator', role: 'Lead facilitator' }, 3);
    expect(readRoster(doc).map((p) => [p.name, p.side, p.role, p.joinedAt])).toEqual([
      ['Fay B.', 'facilitator', 'Lead facilitator', 1],
      ['Ines', 'IT', 'Network architect', 2],
    ]);
  });

  it('converges when two peers join at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    upsertParticipant(a, { id: 'p-ines', name: 'Ines', side: 'IT', role: '' }, 1);
    upsertParticipant(b, { id: 'p-otto', name: 'Otto', side: 'OT', role: 'Shift lead' }, 1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readRoster(a)).toEqual(readRoster(b));
    expect(readRoster(a)).toHaveLength(2);
  });

  it.each([
    ['an empty name', { id: 'x', name: ' ', side: 'IT', role: '' }, 'empty-title'],
    ['an unknown side', { id: 'x', name: 'X', side: 'QA', role: '' }, 'invalid-side'],
    ['an overlong role', { id: 'x', name: 'X', side: 'OT', role: 'r'.repeat(500) }, 'too-long'],
    ['a malformed key', { id: 'x', name: 'X', side: 'OT', role: '', publicKey: 'abc' }, 'invalid-input'],
  ] as const)('refuses %s and changes nothing', (_what, input, code) => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => upsertParticipant(doc, input as Parameters<typeof upsertParticipant>[1], 1)).toThrow(BoardError);
    try {
      upsertParticipant(doc, input as Parameters<typeof upsertParticipant>[1], 1);
    } catch (e) {
      expect((e as BoardError).code).toBe(code);
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
