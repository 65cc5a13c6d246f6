// Restoring through the history, in Node with real Yjs docs: a hostile peer erases the board
// with changes the guard lets through (it marks every card deleted, blanks fields, renames the
// workshop), and one restore brings back the board as it was, on every peer, as new changes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot, deleteCard, editField, upsertParticipant } from '../../../shared/board';
import { setDraftField } from '../../../shared/charter';
import { initWorkshop, checkWorkshopUpdate } from '../../../shared/schema';
import {
  attestClient,
  buildTimeline,
  createReplayer,
  decodeHistoryRecord,
  encodeHistoryRecord,
  readClients,
  restoreBoard,
  summarizeTransaction,
  undoChangesSince,
  type HistoryRecord,
} from '../../../shared/history';

/** A peer that stores every change as a history record, the way the app's session does. */
function peer(participantId: string) {
  const doc = new Y.Doc();
  const records: HistoryRecord[] = [];
  let clock = 1_000;
  doc.on('update', (update: Uint8Array, origin: unknown, _d: Y.Doc, tr: Y.Transaction) => {
    const clients = [...tr.afterState].filter(([c, k]) => k > (tr.beforeState.get(c) ?? 0)).map(([c]) => c);
    const bytes = encodeHistoryRecord({ at: clock++, kind: origin === 'remote' ? 'peer' : 'local', from: participantId, clients, summary: summarizeTransaction(doc, tr), update });
    const decoded = decodeHistoryRecord(bytes);
    if (!decoded) throw new Error('record did not round-trip');
    records.push(decoded);
  });
  const write = (fn: () => void) => doc.transact(() => {
    attestClient(doc, participantId);
    fn();
  });
  return { doc, records, write };
}

function connect(peers: ReturnType<typeof peer>[]) {
  for (const a of peers) {
    a.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      for (const b of peers) {
        if (b === a) continue;
        const verdict = checkWorkshopUpdate(b.doc, update);
        if (verdict.ok) Y.applyUpdate(b.doc, update, 'remote');
      }
    });
  }
}

function titles(doc: Y.Doc): string[] {
  const s = buildSnapshot(doc);
  return Object.values(s.sections).flat().map((c) => c.fields.title ?? '').sort();
}

describe('history and restore', () => {
  it('a full erase by a hostile peer is undone by one restore on every peer', () => {
    const fac = peer('p-fac');
    const ana = peer('p-ana');
    const mallory = peer('p-mallory');
    connect([fac, ana, mallory]);
    fac.write(() => initWorkshop(fac.doc, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 }));
    const ids: string[] = [];
    ana.write(() => ids.push(addCard(ana.doc, { section: 'goals', fields: { title: 'Uptime', metric: 'hours' }, author: { name: 'Ana', side: 'IT' } }, 2)));
    fac.write(() => ids.push(addCard(fac.doc, { section: 'risks', fields: { title: 'Vendor access' }, author: { name: 'Cy', side: 'facilitator' } }, 3)));
    fac.write(() => setDraftField(fac.doc, 'purpose', 'AI on line 4'));
    const before = titles(fac.doc);
    const lastGood = fac.records.length - 1;

    // The erase: every card deleted, every field blanked, the workshop renamed.
    mallory.write(() => {
      for (const id of ids) {
        deleteCard(mallory.doc, id);
      }
      mallory.doc.getMap('meta').set('title', 'pwned');
      mallory.doc.getMap('charter').set('draft.purpose', '');
    });
    for (const p of [fac, ana, mallory]) expect(titles(p.doc)).toEqual([]);

    const timeline = buildTimeline(fac.records, readClients(fac.doc));
    const erase = timeline.at(-1);
    expect(erase?.participants).toEqual(['p-mallory']);
    expect(erase?.summary.counts.deleted).toBe(2);
    expect(erase?.summary.title).toBe(true);

    const past = createReplayer(fac.records).docAt(lastGood);
    const writes = restoreBoard(fac.doc, past, 'restore');
    expect(writes).toBeGreaterThan(0);
    for (const p of [fac, ana, mallory]) {
      expect(titles(p.doc)).toEqual(before);
      expect(buildSnapshot(p.doc).meta.title).toBe('Line 4');
      expect(p.doc.getMap('charter').get('draft.purpose')).toBe('AI on line 4');
    }
    // Restoring again changes nothing: the board already is as it was.
    expect(restoreBoard(fac.doc, past, 'restore')).toBe(0);
  });

  it('undoing one participant’s changes since a point keeps what others changed', () => {
    const fac = peer('p-fac');
    const ana = peer('p-ana');
    const bo = peer('p-bo');
    connect([fac, ana, bo]);
    fac.write(() => initWorkshop(fac.doc, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 }));
    let goal = '';
    ana.write(() => (goal = addCard(ana.doc, { section: 'goals', fields: { title: 'Uptime', metric: 'hours' }, author: { name: 'Ana', side: 'IT' } }, 2)));
    const point = fac.records.length - 1;
    bo.write(() => editField(bo.doc, goal, 'metric', 'minutes'));
    bo.write(() => editField(bo.doc, goal, 'title', 'Uptime (Bo)'));
    let boCard = '';
    bo.write(() => (boCard = addCard(bo.doc, { section: 'risks', fields: { title: 'Bo’s risk' }, author: { name: 'Bo', side: 'OT' } }, 3)));
    ana.write(() => editField(ana.doc, goal, 'title', 'Uptime, agreed'));

    const replay = createReplayer(fac.records);
    const past = replay.docAt(point);
    const boClients = new Set([...readClients(fac.doc)].filter(([, p]) => p === 'p-bo').map(([c]) => c));
    undoChangesSince(fac.doc, past, replay.stateVectorAt(point), boClients, 'restore');
    for (const p of [fac, ana, bo]) {
      const s = buildSnapshot(p.doc);
      // Bo's metric is undone; Ana's later title (written over Bo's) stays; Bo's new card is in the trash.
      expect(s.cards[goal]?.fields.metric).toBe('hours');
      expect(s.cards[goal]?.fields.title).toBe('Uptime, agreed');
      expect(s.cards[boCard]?.deleted).toBe(true);
    }
  });

  it('the roster keeps everyone and signed entries stay as they are', () => {
    const fac = peer('p-fac');
    fac.write(() => initWorkshop(fac.doc, { title: 'Line 4', facilitator: 'Cy', createdAt: 1 }));
    const point = fac.records.length - 1;
    fac.write(() => upsertParticipant(fac.doc, { id: 'p-new', name: 'New', side: 'OT', role: '' }, 5));
    fac.write(() => fac.doc.getMap('charter').set(`version.${'b'.repeat(64)}`, '{}'));
    restoreBoard(fac.doc, createReplayer(fac.records).docAt(point), 'restore');
    expect(fac.doc.getMap('roster').has('p-new')).toBe(true);
    expect(fac.doc.getMap('charter').has(`version.${'b'.repeat(64)}`)).toBe(true);
  });

  it('bare updates stored by older versions read as legacy records', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'x');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeHistoryRecord(update)).toMatchObject({ kind: 'legacy', at: null, update });
    const broken = encodeHistoryRecord({ at: 5, kind: 'local', from: 'p', clients: [1], summary: null, update }).subarray(0, 12);
    expect(decodeHistoryRecord(broken)).toBeNull();
  });
});
