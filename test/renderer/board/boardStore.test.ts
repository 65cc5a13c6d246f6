// The renderer's board store: snapshots keep the identity of what did not change, undo reverts
// only the user's own changes, and a refused action reports a BoardError with the doc untouched.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';
import { createBoardStore } from '../../../renderer/src/features/board';
import { LOCAL } from '../../../renderer/src/core/origins';

const author = () => ({ name: 'Ada', side: 'OT' as const });

function setup() {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Plant 4', facilitator: 'Ada', createdAt: 1 });
  const store = createBoardStore(doc, author);
  return { doc, store, state: () => store.getState() };
}

function mustAdd(store: ReturnType<typeof setup>['store'], section: 'goals' | 'risks' | 'parking', title: string): string {
  const result = store.getState().addCard(section, { title });
  if (!result.ok) throw result.error;
  return result.value;
}

describe('board store snapshot', () => {
  it('editing one card keeps every other card object and every other section identical', () => {
    const { store, state } = setup();
    const a = mustAdd(store, 'goals', 'A');
    const b = mustAdd(store, 'goals', 'B');
    const r = mustAdd(store, 'risks', 'R');
    const before = state().snapshot;
    expect(state().saveCard(a, { title: 'A2', metric: 'stops' }).ok).toBe(true);
    const after = state().snapshot;
    expect(after).not.toBe(before);
    expect(after.cards[a]?.fields).toEqual({ title: 'A2', metric: 'stops' });
    expect(after.cards[a]).not.toBe(before.cards[a]);
    expect(after.cards[b]).toBe(before.cards[b]);
    expect(after.cards[r]).toBe(before.cards[r]);
    expect(after.sections.risks).toBe(before.sections.risks);
    expect(after.sections.parking).toBe(before.sections.parking);
    expect(after.sections.goals).not.toBe(before.sections.goals);
    expect(after.meta).toBe(before.meta);
  });

  it('moving a card by one place and to the next section follows board order', () => {
    const { store, state } = setup();
    const a = mustAdd(store, 'goals', 'A');
    mustAdd(store, 'goals', 'B');
    expect(state().moveBy(a, 1).ok).toBe(true);
    expect(state().snapshot.sections.goals.map((c) => c.fields.title)).toEqual(['B', 'A']);
    expect(state().moveToAdjacentSection(a, 1).ok).toBe(true);
    expect(state().snapshot.sections.tradeoffs.map((c) => c.fields.title)).toEqual(['A']);
    expect(state().snapshot.cards[a]?.author).toBe('Ada');
  });
});

describe('board store undo', () => {
  it('undoes and redoes own changes one action at a time', () => {
    const { store, state } = setup();
    const a = mustAdd(store, 'goals', 'A');
    state().setStatus(a, 'agreed');
    expect(state().canUndo).toBe(true);
    state().undo();
    expect(state().snapshot.cards[a]?.status).toBe('proposed');
    expect(state().canRedo).toBe(true);
    state().undo();
    expect(state().snapshot.sections.goals).toHaveLength(0);
    state().redo();
    state().redo();
    expect(state().snapshot.cards[a]?.status).toBe('agreed');
  });

  it('does not undo a change that arrived from a peer', () => {
    const { doc, store, state } = setup();
    mustAdd(store, 'goals', 'mine');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    addCard(peer, { section: 'goals', fields: { title: 'theirs' }, author: { name: 'Bo', side: 'IT' } }, 2);
    const remote = { name: 'remote' };
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), remote);
    expect(state().snapshot.sections.goals.map((c) => c.fields.title)).toEqual(['mine', 'theirs']);
    state().undo();
    expect(state().snapshot.sections.goals.map((c) => c.fields.title)).toEqual(['theirs']);
    expect(state().canUndo).toBe(false);
    state().undo();
    expect(state().snapshot.sections.goals.map((c) => c.fields.title)).toEqual(['theirs']);
  });

  it('tracks exactly the LOCAL origin', () => {
    const { doc, state } = setup();
    addCard(doc, { section: 'parking', fields: { title: 'by LOCAL' }, author: author() }, 3, LOCAL);
    addCard(doc, { section: 'parking', fields: { title: 'by storage' }, author: author() }, 4, { name: 'storage' });
    state().undo();
    expect(state().snapshot.sections.parking.map((c) => c.fields.title)).toEqual(['by storage']);
  });
});

describe('board store errors', () => {
  it('reports BoardErrors as outcomes and leaves the doc unchanged', () => {
    const { doc, store, state } = setup();
    const a = mustAdd(store, 'goals', 'A');
    const before = Y.encodeStateAsUpdate(doc);
    const snapshot = state().snapshot;
    const cases = [
      () => state().addCard('goals', { title: '   ' }),
      () => state().addCard('goals', { title: 'ok', metric: 'x'.repeat(301) }),
      // A valid field alongside an invalid one: neither may be written.
      () => state().saveCard(a, { title: 'valid', target: 'y'.repeat(301) }),
      () => state().saveCard(a, { nope: 'x' }),
      () => state().updateCard(a, { fields: { title: 'valid' }, status: 'agreed', section: 'nowhere' as 'goals' }),
      () => state().setStatus('missing-id', 'agreed'),
      () => state().rename(''),
    ];
    const codes = cases.map((run) => {
      const result = run();
      return result.ok ? 'ok' : result.error.code;
    });
    expect(codes).toEqual(['empty-title', 'too-long', 'too-long', 'unknown-field', 'unknown-section', 'not-found', 'empty-title']);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(state().snapshot).toBe(snapshot);
    state().undo();
    expect(state().snapshot.sections.goals).toHaveLength(0);
  });
});
