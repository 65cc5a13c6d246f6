// The persistence loop of an open workshop, against an in-memory storage: every change reaches
// storage in order (local and remote alike), nothing loaded from storage is written back, the
// list entry follows the title, and reopening from what was stored gives the same board.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addCard, buildSnapshot } from '../../shared/board';
import { initWorkshop } from '../../shared/schema';
import type { Host, WorkshopStorage, WorkshopSummary } from '../../renderer/src/host/Host';
import { openWorkshopSession } from '../../renderer/src/features/board/workshopSession';

beforeAll(() => {
  // The session listens for pagehide on window; Node has none.
  vi.stubGlobal('window', new EventTarget());
});

function memoryHost() {
  const states = new Map<string, Uint8Array[]>();
  const summaries = new Map<string, WorkshopSummary>();
  const calls: string[] = [];
  const storage: WorkshopStorage = {
    list: async () => [...summaries.values()],
    create: async (summary, state) => {
      summaries.set(summary.id, summary);
      states.set(summary.id, [state]);
    },
    load: async (id) => ({ state: Y.mergeUpdates(states.get(id) ?? []), skippedBytes: 0 }),
    append: async (id, update) => {
      calls.push('append');
      // Slow writes must still land in order.
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      states.get(id)?.push(update);
    },
    setSummary: async (summary) => {
      calls.push(`summary:${summary.title}`);
      summaries.set(summary.id, summary);
    },
    close: async () => {
      calls.push('close');
    },
    remove: async (id) => {
      states.delete(id);
    },
    recover: async () => ({ skippedBytes: 0, keptUpdates: 0 }),
  };
  const host: Host = { kind: 'browser', storage, files: { save: async () => true, open: async () => null }, identity: { get: () => Promise.reject(new Error('no identity')), signCharter: () => Promise.reject(new Error('no identity')), signSeal: () => Promise.reject(new Error('no identity')), signFacilitatorAction: () => Promise.reject(new Error('no identity')), replace: () => Promise.reject(new Error('no identity')) }, openExternal: async () => undefined };
  return { host, states, summaries, calls };
}

async function seeded() {
  const mem = memoryHost();
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Plant 4', facilitator: 'Ada', createdAt: 1 });
  const summary = { id: 'w1', title: 'Plant 4', createdAt: 1, updatedAt: 1 };
  await mem.host.storage.create(summary, Y.encodeStateAsUpdate(doc));
  return { ...mem, summary };
}

const author = () => ({ name: 'Ada', side: 'OT' as const });

describe('workshop session', () => {
  it('stores every local and remote change, in order, and reopens to the same board', async () => {
    const { host, summary, states, calls } = await seeded();
    const session = await openWorkshopSession(host, summary, author, (e) => {
      throw e;
    });
    expect(states.get('w1')).toHaveLength(1);
    const store = session.store.getState();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = store.addCard('goals', { title: `card ${i}` });
      if (r.ok) ids.push(r.value);
    }
    store.moveCard(ids[19] ?? '', 'goals', 0);
    // A peer's change arrives with another origin: stored too, though not undoable.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(session.store.doc));
    addCard(peer, { section: 'risks', fields: { title: 'from a peer' }, author: { name: 'Bo', side: 'IT' } }, 5);
    Y.applyUpdate(session.store.doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(session.store.doc)), { name: 'webrtc' });
    store.rename('Plant 4, day 2');
    expect(session.unsaved()).toBeGreaterThan(0);
    await session.flush();
    expect(session.unsaved()).toBe(0);

    const expected = buildSnapshot(session.store.doc);
    await session.close();
    expect(calls.filter((c) => c === 'append')).toHaveLength(23);
    expect(calls.at(-1)).toBe('close');
    expect(calls).toContain('summary:Plant 4, day 2');

    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (await host.storage.load('w1')).state);
    const again = buildSnapshot(reopened);
    expect(again.meta).toEqual(expected.meta);
    expect(again.sections.goals.map((c) => c.fields.title)).toEqual(expected.sections.goals.map((c) => c.fields.title));
    expect(again.sections.goals[0]?.fields.title).toBe('card 19');
    expect(again.sections.risks.map((c) => c.fields.title)).toEqual(['from a peer']);
  });

  it('does not write back what it loaded', async () => {
    const { host, summary, calls } = await seeded();
    const session = await openWorkshopSession(host, summary, author, () => undefined);
    await session.close();
    expect(calls).toEqual(['close']);
  });

  it('reports a failed write through onError, and the next write catches storage up', async () => {
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
    const session = await openWorkshopSession(host, summary, author, (e) => errors.push(e));
    session.store.getState().addCard('parking', { title: 'first' });
    session.store.getState().addCard('parking', { title: 'second' });
    await session.flush();
    expect(errors).toHaveLength(1);
    expect(session.unsaved()).toBe(0);
    await session.close();
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (await host.storage.load('w1')).state);
    expect(buildSnapshot(reopened).sections.parking.map((c) => c.fields.title)).toEqual(['first', 'second']);
  });
});
