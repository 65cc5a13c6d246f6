// Appends in flight at once (group commit takes them as one batch) reach the log in the order
// they were made, whatever order the filesystem answers in. A Yjs update builds on the ones
// made before it: stored ahead of one of them and acknowledged, it would be on disk yet, after a
// crash that lost the earlier one, stay pending in Yjs on the next open, absent from the board.
import { mkdtemp, rm } from 'node:fs/promises';
import type { PathLike, StatOptions } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { WorkshopStore } from '../../../electron/main/storage/workshopStore';
import { keysOnDisk } from './childHarness';
import { setKey } from '../../support/schemaKeys';

/** When set, the next stat waits for it: the store checks a workshop exists before each append. */
const slowStat = vi.hoisted(() => ({ next: null as Promise<void> | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const stat = async (path: PathLike, options?: StatOptions) => {
    const wait = slowStat.next;
    slowStat.next = null;
    await wait;
    return actual.stat(path, options);
  };
  return { ...actual, stat: stat as typeof actual.stat };
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bb-order-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

it('an acknowledged update reads back from disk while the one made before it is still on its way', async () => {
  const store = await WorkshopStore.create(root);
  const doc = new Y.Doc();
  await store.create({ id: 'w', title: 'Order', createdAt: 1, updatedAt: 1 }, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  setKey(doc, 'first');
  setKey(doc, 'second');
  const [first = new Uint8Array(), second = new Uint8Array()] = updates;

  // The first append's check answers late: once the second is acknowledged and the disk read,
  // or, when the second rightly waits for the first, after 200 ms.
  let answer = (): void => undefined;
  slowStat.next = new Promise<void>((resolve) => {
    answer = resolve;
    setTimeout(resolve, 200);
  });
  const firstSaved = store.append('w', first);
  await store.append('w', second);
  // What a SIGKILL right now would leave: the second is acknowledged, so it must read back.
  const { keys } = await keysOnDisk(join(root, 'w'));
  answer();
  await firstSaved;

  expect([...keys]).toEqual(['first', 'second']);
  // And the history lists them as they were made (after the checkpoint it starts from).
  expect((await store.history('w')).slice(1).map((bytes) => [...bytes])).toEqual([[...first], [...second]]);
  await store.close('w');
});
