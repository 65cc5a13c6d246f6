// Records written before appends were checked: an intact record whose bytes are not a Yjs
// update, or one that decodes but cannot be applied (crafted). Loading must call the workshop
// damaged ('corrupt', naming the record), not fail some other way, and recovery must set the
// record aside and keep everything else.
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CodedError } from '../../../electron/main/codedError';
import { HEADER_BYTES, encodeRecord } from '../../../electron/main/storage/recordFormat';
import { WorkshopStore } from '../../../electron/main/storage/workshopStore';
import { keysIn, setKey } from '../../support/schemaKeys';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'bb-legacy-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/**
 * An update whose one item names itself as its parent. Y.decodeUpdate reads it, so it passes the
 * append check; applying it throws inside Yjs.
 */
function selfParentedUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [1, 1, 7, 0]) encoding.writeVarUint(e, n); // one client, one struct, client 7, clock 0
  encoding.writeUint8(e, 0x28); // an Item holding ContentAny, with a parent key
  for (const n of [0, 7, 0]) encoding.writeVarUint(e, n); // parent: the ID (7, 0), i.e. itself
  encoding.writeVarString(e, 'k');
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, 'v');
  encoding.writeVarUint(e, 0); // an empty delete set
  return encoding.toUint8Array(e);
}

/** Workshop w1 with a, b stored, then `legacy` written as the old code would have, then c. */
async function workshopWithLegacyRecord(legacy: Uint8Array) {
  const store = await WorkshopStore.create(root);
  const doc = new Y.Doc();
  await store.create({ id: 'w1', title: 'Legacy', createdAt: 1, updatedAt: 1 }, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const key of ['a', 'b']) setKey(doc, key);
  for (const u of updates) await store.append('w1', u);
  const log = join(root, 'w1', (await readdir(join(root, 'w1'))).find((f) => f.endsWith('.bblog')) ?? '');
  const offset = (await readFile(log)).byteLength;
  await appendFile(log, encodeRecord(legacy));
  // A later record from another device, so the legacy one is not at the end.
  const other = new Y.Doc();
  setKey(other, 'c');
  await appendFile(log, encodeRecord(Y.encodeStateAsUpdate(other)));
  return { log, offset, bytes: await readFile(log) };
}

function keysOf(state: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return keysIn(doc);
}

describe('a record written before appends were checked', () => {
  it.each([
    ['not a Yjs update', new TextEncoder().encode('{"not":"an update"}'), /the change stored there is not a Yjs update \(they do not decode: /],
    ['a Yjs update that cannot be applied', selfParentedUpdate(), /the change stored there cannot be applied to the board \(/],
  ])('%s: loading says damaged and where; recovery sets it aside and keeps the rest', async (_what, legacy, says) => {
    const { log, offset, bytes } = await workshopWithLegacyRecord(legacy);

    const store = await WorkshopStore.create(root);
    const error = await store.load('w1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({ code: 'corrupt', message: expect.stringContaining(`${log} is damaged at byte ${offset}: `) });
    expect((error as Error).message).toMatch(says);
    expect(Buffer.compare(await readFile(log), bytes)).toBe(0);

    expect(await store.salvage('w1')).toEqual({ keptUpdates: 3, skippedBytes: HEADER_BYTES + legacy.byteLength });
    const loaded = await (await WorkshopStore.create(root)).load('w1');
    expect(keysOf(loaded.state)).toEqual(['a', 'b', 'c']);
    // Set aside with the log it was in, byte for byte.
    const aside = (await readdir(join(root, 'w1'))).find((f) => f.startsWith('damaged-')) ?? '';
    const [kept] = await readdir(join(root, 'w1', aside));
    expect(Buffer.compare(await readFile(join(root, 'w1', aside, kept ?? '')), bytes)).toBe(0);
  });
});

describe('an update that decodes but cannot be applied, appended today', () => {
  it('passes the append check, then loading calls the workshop damaged and recovery leaves it out', async () => {
    const store = await WorkshopStore.create(root);
    const doc = new Y.Doc();
    setKey(doc, 'a');
    await store.create({ id: 'w1', title: 'Crafted', createdAt: 1, updatedAt: 1 }, Y.encodeStateAsUpdate(doc));
    // The check at the door is structural (cheap, per edit); this one gets through it.
    await store.append('w1', selfParentedUpdate());
    const codeOf = (e: unknown) => (e instanceof CodedError ? e.code : e);
    // Still open in this session, and after a restart: damaged, not some other failure.
    expect(await store.load('w1').catch(codeOf)).toBe('corrupt');
    expect(await (await WorkshopStore.create(root)).load('w1').catch(codeOf)).toBe('corrupt');
    expect(await store.salvage('w1')).toEqual({ keptUpdates: 0, skippedBytes: HEADER_BYTES + selfParentedUpdate().byteLength });
    expect(keysOf((await (await WorkshopStore.create(root)).load('w1')).state)).toEqual(['a']);
  });
});
