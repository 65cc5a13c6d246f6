// The end of a workshop log, over real files left by a process killed before it could close:
// a record cut short by the end of the file (a write that never finished) is dropped silently
// and its size reported; anything else that does not read, the last acknowledged record
// included, is damage: refused with 'corrupt', never truncated, and recovered with the damaged
// log set aside.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CodedError } from '../../../electron/main/codedError';
import { HEADER_BYTES, encodeRecord, scanLog } from '../../../electron/main/storage/recordFormat';
import type { LogRecord } from '../../../electron/main/storage/recordFormat';
import { readWorkshop } from '../../../electron/main/storage/workshopReader';
import { WorkshopStore } from '../../../electron/main/storage/workshopStore';
import { bundleChild, runChild } from './childHarness';
import { keysIn, setKey } from '../../support/schemaKeys';

const ID = 'w';
let work: string;
/** A workshop folder (under a store root) as the killed child left it, never changed. */
let pristine: string;
let logName: string;
let log: Uint8Array;
let records: LogRecord[];
let acked: string[];
let cases = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bb-tail-'));
  const script = await bundleChild(work);
  pristine = join(work, 'pristine');
  // Killed at the start of the compaction that closing runs: its 30 acknowledged updates sit in
  // the log, one record each, in the order they were acknowledged.
  const run = await runChild(script, [pristine, ID, '0', '1000', 'merged']);
  expect(run.signal).toBe('SIGKILL');
  acked = run.acked;
  logName = (await readdir(join(pristine, ID))).find((f) => f.endsWith('.bblog')) ?? '';
  log = await readFile(join(pristine, ID, logName));
  records = scanLog(log).records;
  expect(records).toHaveLength(30);
  expect(acked).toHaveLength(30);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of the killed workshop whose log holds `bytes`. */
async function workshopWithLog(bytes: Uint8Array): Promise<{ root: string; path: string }> {
  const root = join(work, `case-${(cases += 1)}`);
  await cp(pristine, root, { recursive: true });
  const path = join(root, ID, logName);
  await writeFile(path, bytes);
  return { root, path };
}

const endOf = (record: LogRecord): number => record.offset + HEADER_BYTES + record.payload.byteLength;

/** The acknowledged keys a state shows, once `missing` (records it lost) are applied again. */
function keysOf(state: Uint8Array, missing: readonly LogRecord[] = []): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  for (const record of missing) Y.applyUpdate(doc, record.payload);
  return keysIn(doc);
}

/** The key a record's update sets. */
function keyIn(record: LogRecord): string {
  const [item] = Y.decodeUpdate(record.payload).structs;
  return item instanceof Y.Item ? String(item.parentSub) : '';
}

/** One more real update, from a device of its own, setting `key`. */
function updateFor(key: string): Uint8Array {
  const doc = new Y.Doc();
  setKey(doc, key);
  return Y.encodeStateAsUpdate(doc);
}

async function failure(promise: Promise<unknown>): Promise<CodedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof CodedError)) throw new Error(`expected a CodedError, got ${String(error)}`);
  return error;
}

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[index] = (out[index] ?? 0) ^ 0x20;
  return out;
}

const last = (): LogRecord => records.at(-1) ?? { offset: 0, payload: new Uint8Array() };

describe('damage at the end of the log is reported, never cut off', () => {
  const damages: [string, () => Uint8Array, RegExp][] = [
    ['a flipped byte in the payload of the last acknowledged record', () => flip(log, log.byteLength - 3), /the change stored there fails its checksum/],
    ['a flipped length byte in the header of the last acknowledged record', () => flip(log, last().offset), /the header of the change stored there fails its checksum/],
    ['a zeroed last acknowledged record', () => Uint8Array.from(log).fill(0, last().offset), /are zeros where saved changes were/],
    ['a zeroed tail, from inside a record over the last three', () => Uint8Array.from(log).fill(0, endOf(records.at(-4) ?? last()) - 5), /fails its checksum/],
  ];

  it.each(damages)('%s: refused and kept, then recovered with the log set aside', async (_what, damage, says) => {
    const bytes = damage();
    const firstBad = records.findIndex((r) => Buffer.compare(bytes.subarray(r.offset, endOf(r)), log.subarray(r.offset, endOf(r))) !== 0);
    const at = records[firstBad]?.offset ?? -1;
    const { root, path } = await workshopWithLog(bytes);
    const store = await WorkshopStore.create(root);

    const refused = await failure(store.load(ID));
    expect(refused.code).toBe('corrupt');
    expect(refused.message).toContain(`${path} is damaged at byte ${at}: `);
    expect(refused.message).toMatch(says);
    expect((await failure(store.append(ID, updateFor('new')))).code).toBe('corrupt');
    // Nothing was truncated or rewritten: recovery still finds every byte.
    expect(Buffer.compare(await readFile(path), bytes)).toBe(0);

    expect(await store.salvage(ID)).toEqual({ keptUpdates: firstBad, skippedBytes: bytes.byteLength - at });
    const aside = (await readdir(join(root, ID))).find((f) => f.startsWith('damaged-')) ?? '';
    expect(Buffer.compare(await readFile(join(root, ID, aside, logName)), bytes)).toBe(0);
    const reopened = await WorkshopStore.create(root);
    const loaded = await reopened.load(ID);
    expect(loaded.skippedBytes).toBe(0);
    // Only the damaged records are gone: given back (as a peer would), every acknowledged key is there.
    const lost = records.slice(firstBad);
    expect(keysOf(loaded.state).filter((key) => lost.some((record) => keyIn(record) === key))).toEqual([]);
    expect(keysOf(loaded.state, lost)).toEqual([...acked].sort());
    await reopened.append(ID, updateFor('after'));
    expect(keysOf((await (await WorkshopStore.create(root)).load(ID)).state)).toContain('after');
  });
});

describe('a record the end of the file cuts short is a torn tail', () => {
  const unacked = encodeRecord(updateFor('unacked'));
  it.each([
    ['a torn header (5 of its 12 bytes)', 5],
    ['a header with none of its payload', HEADER_BYTES],
    ['a record one byte short', unacked.byteLength - 1],
  ])('%s after the last acknowledged record: opens with every acknowledged update, cut off, size reported', async (_what, keep) => {
    const bytes = new Uint8Array(log.byteLength + keep);
    bytes.set(log);
    bytes.set(unacked.subarray(0, keep), log.byteLength);
    const { root, path } = await workshopWithLog(bytes);

    const loaded = await (await WorkshopStore.create(root)).load(ID);
    expect(loaded.skippedBytes).toBe(keep);
    expect(keysOf(loaded.state)).toEqual([...acked].sort());
    expect((await readFile(path)).byteLength).toBe(log.byteLength);
  });
});

describe('a kill at any byte of an append', () => {
  const ends = (): number[] => records.map(endOf);

  it('every cut point of a real log opens with every record before it and calls the rest a torn tail', async () => {
    const { root, path } = await workshopWithLog(log);
    for (let cut = 0; cut <= log.byteLength; cut += 1) {
      await writeFile(path, log.subarray(0, cut));
      // readWorkshop is what opening classifies with; it throws on anything it calls damage.
      const contents = await readWorkshop(join(root, ID));
      const complete = ends().filter((end) => end <= cut).length;
      expect(contents.updates, `cut ${cut}`).toEqual(records.slice(0, complete).map((r) => r.payload));
      expect(contents.skippedBytes, `cut ${cut}`).toBe(cut - (ends()[complete - 1] ?? 0));
      // The state holds every record before the cut: with the records after it, everything is there.
      expect(keysOf(contents.state, records.slice(complete)), `cut ${cut}`).toEqual([...acked].sort());
    }
  });

  it('opening for real at a cut point cuts the tail off, and appends after it read back (seeded sample)', async () => {
    let state = 1234;
    for (let i = 0; i < 12; i += 1) {
      state = (state * 1664525 + 1013904223) >>> 0;
      const cut = state % (log.byteLength + 1);
      const { root, path } = await workshopWithLog(log.subarray(0, cut));
      const complete = ends().filter((end) => end <= cut).length;
      const store = await WorkshopStore.create(root);
      expect((await store.load(ID)).skippedBytes, `cut ${cut}`).toBe(cut - (ends()[complete - 1] ?? 0));
      expect((await readFile(path)).byteLength).toBe(ends()[complete - 1] ?? 0);
      await store.append(ID, updateFor('next'));
      const again = await (await WorkshopStore.create(root)).load(ID);
      expect(again.skippedBytes).toBe(0);
      expect(keysOf(again.state, records.slice(complete)), `cut ${cut}`).toEqual([...acked, 'next'].sort());
    }
  });
});
