// Opening a workshop, in Node against an in-memory host: every change (local and remote) is
// stored, in order, as a history record that says how it came and what it changed; nothing
// loaded is written back; my first change names my client; a failed write is caught up; a
// schema-1 workshop from the last release is migrated and reads whole; a newer one is read-only.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot } from '../../../shared/board';
import { decodeHistoryRecord, readClients } from '../../../shared/history';
import { initWorkshop, SCHEMA_VERSION } from '../../../shared/schema';
import { docRoot } from '../../../shared/doc';
import { openWorkshop } from '../../../renderer/src/session/openWorkshop';
import { memoryHost } from '../../support/memoryHost';
import { setLocale } from '../../../renderer/src/core/i18n';

// The session words what it says to the user from the catalog; these tests read it in English.
beforeAll(() => setLocale('en'));

beforeAll(() => {
  // The recorder listens for pagehide on window; Node has none.
  vi.stubGlobal('window', Object.assign(new EventTarget(), { setInterval, clearInterval, setTimeout, clearTimeout }));
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
});

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/docs/${name}`, import.meta.url)));

async function seeded(state?: Uint8Array) {
  const mem = memoryHost();
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Plant 4', facilitator: 'Ada', createdAt: 1 });
  const summary = { id: 'w1', title: 'Plant 4', createdAt: 1, updatedAt: 1 };
  await mem.host.storage.create(summary, state ?? Y.encodeStateAsUpdate(doc));
  return { ...mem, summary };
}

const records = (stored: Uint8Array[] | undefined) => (stored ?? []).slice(1).map((r) => decodeHistoryRecord(r));
const throwing = (e: unknown) => {
  throw e;
};

describe('openWorkshop', () => {
  it('stores every local and remote change as a history record, in order, and reopens to the same board', async () => {
    const { host, summary, stored, calls } = await seeded();
    const open = await openWorkshop(host, summary, throwing);
    const store = open.board.getState();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = store.addCard('goals', { title: `card ${i}` });
      if (r.ok) ids.push(r.value);
    }
    store.moveCard(ids[19] ?? '', 'goals', 0);
    // A peer's change arrives through applyUpdate (not local): stored too, as the room's.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(open.doc));
    addCard(peer, { section: 'risks', fields: { title: 'from a peer' }, author: { name: 'Bo', side: 'IT' } }, 5);
    Y.applyUpdate(open.doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(open.doc)), { name: 'webrtc' });
    store.rename('Plant 4, day 2');
    expect(open.recorder.unsaved()).toBeGreaterThan(0);
    await open.recorder.flush();
    expect(open.recorder.unsaved()).toBe(0);
    const expected = buildSnapshot(open.doc);
    await open.close();
    expect(calls.at(-1)).toBe('close');
    expect(calls).toContain('summary:Plant 4, day 2');

    const kept = records(stored.get('w1'));
    expect(kept.every((r) => r !== null)).toBe(true);
    const local = kept.filter((r) => r?.kind === 'local');
    // Each add is a record of one added card, in the order made; then the move and the rename.
    expect(local.filter((r) => r?.summary?.counts.added === 1)).toHaveLength(20);
    expect(local.filter((r) => r?.summary?.counts.moved === 1)).toHaveLength(1);
    expect(local.filter((r) => r?.summary?.title)).toHaveLength(1);
    expect(local.every((r) => r?.from === local[0]?.from && r?.at !== null)).toBe(true);
    const fromPeer = kept.filter((r) => r?.kind === 'peer');
    expect(fromPeer).toHaveLength(1);
    expect(fromPeer[0]?.summary?.counts.added).toBe(1);

    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (await host.storage.load('w1')).state);
    const again = buildSnapshot(reopened);
    expect(again.meta).toEqual(expected.meta);
    expect(again.sections.goals.map((c) => c.fields.title)).toEqual(expected.sections.goals.map((c) => c.fields.title));
    expect(again.sections.goals[0]?.fields.title).toBe('card 19');
    expect(again.sections.risks.map((c) => c.fields.title)).toEqual(['from a peer']);
    // Every change of mine is named after me, once, by my own client.
    expect([...readClients(reopened).values()]).toHaveLength(1);
  });

  it('does not write back what it loaded', async () => {
    const { host, summary, calls } = await seeded();
    const open = await openWorkshop(host, summary, throwing);
    await open.close();
    expect(calls).toEqual(['close']);
  });

  it('reports a failed write, and the next write catches storage up', async () => {
    const { host, summary } = await seeded();
    let fail = true;
    const append = host.storage.append;
    host.storage.append = async (id, update) => {
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      return append(id, update);
    };
    const errors: unknown[] = [];
    const open = await openWorkshop(host, summary, (e) => errors.push(e));
    open.board.getState().addCard('parking', { title: 'first' });
    open.board.getState().addCard('parking', { title: 'second' });
    await open.recorder.flush();
    expect(errors).toHaveLength(1);
    expect(open.recorder.unsaved()).toBe(0);
    await open.close();
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (await host.storage.load('w1')).state);
    expect(buildSnapshot(reopened).sections.parking.map((c) => c.fields.title)).toEqual(['first', 'second']);
  });

  it('migrates a workshop written by the last release (schema 1): every card, the roster and the charter read, and the migration is stored', async () => {
    const { host, summary, stored } = await seeded(fixture('release-v1-state.bin'));
    const open = await openWorkshop(host, summary, throwing);
    expect(open.schema.kind).toBe('current');
    expect(docRoot(open.doc, 'meta').get('schema')).toBe(SCHEMA_VERSION);
    const snapshot = open.board.getState().snapshot;
    expect(Object.keys(snapshot.cards)).toHaveLength(9);
    expect(snapshot.trash.map((c) => c.fields.title)).toEqual(['Deleted goal']);
    expect(snapshot.sections.goals[0]?.fields.target).toBe('under 90 min');
    expect(snapshot.problems).toEqual({});
    expect(open.charter.store.getState().ledger.versions).toHaveLength(1);
    expect(open.charter.store.getState().boardRoster.map((p) => p.name)).toEqual(['Cy Facilitator', 'Ana Łopez', 'Bo Schmidt']);
    await open.close();
    expect(records(stored.get('w1')).map((r) => r?.kind)).toContain('migration');
  });

  it('shows a workshop saved by a newer Bridgeboard read-only and does not change it', async () => {
    const newer = new Y.Doc();
    initWorkshop(newer, { title: 'From the future', facilitator: 'Ada', createdAt: 1 });
    docRoot(newer, 'meta').set('schema', SCHEMA_VERSION + 1);
    const { host, summary, calls } = await seeded(Y.encodeStateAsUpdate(newer));
    const open = await openWorkshop(host, summary, throwing);
    expect(open.schema).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
    const outcome = open.board.getState().addCard('goals', { title: 'x' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'section-closed', message: expect.stringMatching(/newer version of Bridgeboard/) } });
    await open.close();
    expect(calls).toEqual(['close']);
  });
});
