// Board operations: what a user can do to cards, and that bad input changes nothing.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, BoardError, buildSnapshot, deleteCard, editField, moveCard, renameWorkshop, restoreCard, SECTIONS, setStatus, setVote, TITLE_MAX, type SectionId } from '../../../shared/board';
import { initWorkshop } from '../../../shared/schema';

const it_ = { name: 'Ines (IT)', side: 'IT' } as const;
const ot = { name: 'Otto (OT)', side: 'OT' } as const;

function board(): Y.Doc {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Line 3 AI pilot', facilitator: 'Fay', createdAt: 1 });
  return doc;
}

const titles = (doc: Y.Doc, section: SectionId): string[] => buildSnapshot(doc).sections[section].map((c) => c.fields.title ?? '');

function expectError(fn: () => unknown, code: BoardError['code']): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BoardError);
    expect((e as BoardError).code).toBe(code);
    return;
  }
  throw new Error(`expected BoardError ${code}`);
}

/** Runs `fn`, expects a BoardError with `code`, and checks the doc did not change at all. */
function expectRejected(doc: Y.Doc, fn: () => unknown, code: BoardError['code']): void {
  const before = Y.encodeStateAsUpdate(doc);
  expectError(fn, code);
  expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
}

describe('workshop metadata', () => {
  it('lives in the doc and can be renamed', () => {
    const doc = board();
    expect(buildSnapshot(doc).meta).toEqual({ title: 'Line 3 AI pilot', facilitator: 'Fay', createdAt: 1 });
    renameWorkshop(doc, '  Line 4  ');
    expect(buildSnapshot(doc).meta.title).toBe('Line 4');
  });

  it('rejects an empty or overlong title', () => {
    const doc = board();
    expectRejected(doc, () => renameWorkshop(doc, '   '), 'empty-title');
    expectRejected(doc, () => renameWorkshop(doc, 'x'.repeat(500)), 'too-long');
  });
});

describe('cards', () => {
  it('adds a card to every section with its own fields', () => {
    const doc = board();
    for (const section of SECTIONS) {
      const fields = Object.fromEntries(section.fields.map((f) => [f.key, f.kind === 'choice' ? (f.options?.[0] ?? '') : `${f.label} text`]));
      addCard(doc, { section: section.id, fields, author: it_ }, 10);
    }
    const snap = buildSnapshot(doc);
    for (const section of SECTIONS) {
      const [card] = snap.sections[section.id];
      expect(card?.fields.title).toBe(`${section.fields[0]?.label} text`);
      expect(card?.status).toBe('proposed');
      expect(card?.author).toBe('Ines (IT)');
      expect(card?.side).toBe('IT');
    }
  });

  it('edits a field, changes status, deletes and restores', () => {
    const doc = board();
    const id = addCard(doc, { section: 'tradeoffs', fields: { title: 'Patch cadence vs. maintenance windows' }, author: ot }, 5);
    editField(doc, id, 'otView', 'Only in the planned shutdown');
    setStatus(doc, id, 'agreed');
    expect(buildSnapshot(doc).cards[id]).toMatchObject({ status: 'agreed', fields: { otView: 'Only in the planned shutdown' } });
    deleteCard(doc, id);
    expect(buildSnapshot(doc).sections.tradeoffs).toHaveLength(0);
    expect(buildSnapshot(doc).trash.map((c) => c.id)).toEqual([id]);
    restoreCard(doc, id);
    expect(titles(doc, 'tradeoffs')).toEqual(['Patch cadence vs. maintenance windows']);
  });

  it('reorders within a section and moves across sections', () => {
    const doc = board();
    const ids = ['A', 'B', 'C'].map((title) => addCard(doc, { section: 'risks', fields: { title }, author: it_ }, 1));
    moveCard(doc, ids[2]!, 'risks', 0);
    expect(titles(doc, 'risks')).toEqual(['C', 'A', 'B']);
    moveCard(doc, ids[2]!, 'risks', 2);
    expect(titles(doc, 'risks')).toEqual(['A', 'B', 'C']);
    moveCard(doc, ids[0]!, 'parking', 0);
    expect(titles(doc, 'risks')).toEqual(['B', 'C']);
    expect(titles(doc, 'parking')).toEqual(['A']);
  });

  it('keeps fields the new section lacks, so moving back loses nothing', () => {
    const doc = board();
    const id = addCard(doc, { section: 'goals', fields: { title: 'Uptime', metric: 'hours down', itOwner: 'Ines' }, author: it_ }, 1);
    moveCard(doc, id, 'parking', 0);
    moveCard(doc, id, 'goals', 0);
    expect(buildSnapshot(doc).cards[id]?.fields).toMatchObject({ metric: 'hours down', itOwner: 'Ines' });
  });

  it('counts votes per voter', () => {
    const doc = board();
    const id = addCard(doc, { section: 'goals', fields: { title: 'Safety first' }, author: ot }, 1);
    setVote(doc, id, 'ines', 2);
    setVote(doc, id, 'otto', 1);
    setVote(doc, id, 'otto', 0);
    expect(buildSnapshot(doc).cards[id]?.votes).toEqual({ ines: 2 });
  });
});

describe('bad input is refused and changes nothing', () => {
  const doc = board();
  const id = addCard(doc, { section: 'goals', fields: { title: 'Uptime' }, author: it_ }, 1);
  const table: [string, () => unknown, BoardError['code']][] = [
    ['unknown section', () => addCard(doc, { section: 'nope' as SectionId, fields: { title: 'x' }, author: it_ }, 1), 'unknown-section'],
    ['missing title', () => addCard(doc, { section: 'goals', fields: {}, author: it_ }, 1), 'empty-title'],
    ['blank title', () => addCard(doc, { section: 'goals', fields: { title: '  ' }, author: it_ }, 1), 'empty-title'],
    ['overlong title', () => addCard(doc, { section: 'goals', fields: { title: 'x'.repeat(TITLE_MAX + 1) }, author: it_ }, 1), 'too-long'],
    ['field of another section', () => addCard(doc, { section: 'goals', fields: { title: 'x', itView: 'y' }, author: it_ }, 1), 'unknown-field'],
    ['bad side', () => addCard(doc, { section: 'goals', fields: { title: 'x' }, author: { name: 'x', side: 'QA' as 'IT' } }, 1), 'invalid-side'],
    ['bad choice', () => addCard(doc, { section: 'goals', fields: { title: 'x', category: 'vibes' }, author: it_ }, 1), 'invalid-choice'],
    ['unknown card', () => editField(doc, 'no-such-card', 'title', 'x'), 'not-found'],
    ['unknown field on edit', () => editField(doc, id, 'otView', 'x'), 'unknown-field'],
    ['overlong field', () => editField(doc, id, 'metric', 'x'.repeat(10_000)), 'too-long'],
    ['bad status', () => setStatus(doc, id, 'done' as 'agreed'), 'invalid-status'],
    ['move to unknown section', () => moveCard(doc, id, 'nowhere' as SectionId, 0), 'unknown-section'],
    ['move to a negative index', () => moveCard(doc, id, 'goals', -1), 'invalid-input'],
    ['vote with fractional dots', () => setVote(doc, id, 'ines', 1.5), 'invalid-input'],
  ];
  it.each(table)('%s', (_name, fn, code) => expectRejected(doc, fn, code));

  it('a deleted card cannot be edited until restored', () => {
    deleteCard(doc, id);
    expectRejected(doc, () => editField(doc, id, 'title', 'x'), 'deleted');
    restoreCard(doc, id);
    editField(doc, id, 'title', 'Uptime above 99%');
    expect(buildSnapshot(doc).cards[id]?.fields.title).toBe('Uptime above 99%');
  });
});

describe('snapshots share structure', () => {
  it('keeps unchanged cards and sections identical across an edit', () => {
    const doc = board();
    const a = addCard(doc, { section: 'goals', fields: { title: 'A' }, author: it_ }, 1);
    const b = addCard(doc, { section: 'goals', fields: { title: 'B' }, author: it_ }, 1);
    const c = addCard(doc, { section: 'risks', fields: { title: 'C' }, author: ot }, 1);
    const first = buildSnapshot(doc);
    editField(doc, a, 'metric', 'downtime');
    const second = buildSnapshot(doc, first, new Set([a]));
    expect(second.cards[a]).not.toBe(first.cards[a]);
    expect(second.cards[b]).toBe(first.cards[b]);
    expect(second.cards[c]).toBe(first.cards[c]);
    expect(second.sections.risks).toBe(first.sections.risks);
    expect(second.sections.goals).not.toBe(first.sections.goals);
    expect(second.meta).toBe(first.meta);
  });
});
