// The durability promise: whatever moment the process dies, every update it acknowledged is
// there when the workshop is opened again, and the workshop opens.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkshopStore } from '../../../electron/main/storage/workshopStore';
import { bundleChild, keysOnDisk, runChild } from './childHarness';
import { hasKey } from '../../support/schemaKeys';

let work: string;
let script: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'bb-crash-'));
  script = await bundleChild(work);
});
afterAll(() => rm(work, { recursive: true, force: true }));

// A small seeded generator, so a failing run can be replayed from the printed seed.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('SIGKILL at random moments', () => {
  it('keeps every acknowledged update, across 30 kills', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);
    const random = seeded(seed);
    const root = join(work, 'workshops');
    const id = 'crash';
    const everAcked = new Set<string>();
    let kills = 0;
    for (let round = 0; round < 30; round += 1) {
      // Compacting every 40 updates puts many kills inside a compaction, not only inside appends.
      const run = await runChild(script, [root, id, String(round), '40'], Math.floor(random() * 250));
      if (run.signal === 'SIGKILL') kills += 1;
      run.acked.forEach((key) => everAcked.add(key));
      const { keys } = await keysOnDisk(join(root, id));
      const missing = [...everAcked].filter((key) => !keys.has(key));
      expect(missing, `seed ${seed}, round ${round}`).toEqual([]);
      if (round % 5 === 4) {
        // Opening for real (which truncates a torn tail) and closing (which compacts) must work too.
        const store = await WorkshopStore.create(root, { compactEvery: 40 });
        const doc = new Y.Doc();
        Y.applyUpdate(doc, (await store.load(id)).state);
        expect([...everAcked].filter((key) => !hasKey(doc, key))).toEqual([]);
        await store.close(id);
      }
    }
    expect(kills).toBeGreaterThan(20);
    expect(everAcked.size).toBeGreaterThan(100);
  }, 60_000);
});

describe('SIGKILL inside a write', () => {
  it('leaves a torn tail of what was never acknowledged, never damage, and opening cuts it off', async () => {
    // 1 MiB updates make a batch's write slow enough to kill inside it: the parent watches the
    // log grow and kills the child once it passes a random size within the first batches.
    const value = 1 << 20;
    let tears = 0;
    let rounds = 0;
    for (; rounds < 40 && tears < 3; rounds += 1) {
      const root = join(work, `torn-${rounds}`);
      const dir = join(root, 'w');
      const threshold = 1 + Math.floor(Math.random() * 7 * value);
      const started = Date.now();
      const grown = async () => (await logBytes(dir)) >= threshold || Date.now() - started > 5000;
      const run = await runChild(script, [root, 'w', String(rounds), '1000000'], grown, { BB_VALUE_BYTES: String(value) });
      expect(run.signal).toBe('SIGKILL');
      // keysOnDisk reads as opening does, and throws if it calls anything damage.
      const { keys, skippedBytes } = await keysOnDisk(dir);
      expect(run.acked.filter((key) => !keys.has(key)), `round ${rounds}`).toEqual([]);
      if (skippedBytes > 0) tears += 1;
      const store = await WorkshopStore.create(root);
      expect((await store.load('w')).skippedBytes).toBe(skippedBytes);
      await store.close('w');
      expect((await keysOnDisk(dir)).skippedBytes).toBe(0);
      await rm(root, { recursive: true, force: true });
    }
    expect(tears, `${rounds} rounds`).toBeGreaterThan(0);
  }, 120_000);
});

/** Bytes in the workshop's logs (0 before it exists). */
async function logBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => []);
  const sizes = await Promise.all(names.filter((name) => name.endsWith('.bblog')).map((name) => stat(join(dir, name)).then((s) => s.size, () => 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

describe('a crash at each step of compaction', () => {
  for (const step of ['merged', 'rotated', 'snapshot-temp-written', 'snapshot-renamed', 'old-logs-removed']) {
    it(`leaves a loadable workshop with every update when killed after "${step}"`, async () => {
      const root = join(work, `compaction-${step}`);
      const first = await runChild(script, [root, 'w1', '0', '1000', step]);
      expect(first.signal).toBe('SIGKILL');
      expect(first.output).toContain('closing');
      expect(first.acked).toHaveLength(30);
      const { keys } = await keysOnDisk(join(root, 'w1'));
      expect(first.acked.filter((key) => !keys.has(key))).toEqual([]);
      // The next run opens what the crash left, writes more and compacts without a crash.
      const second = await runChild(script, [root, 'w1', '1', '1000', 'none']);
      expect(second.output).toContain('closed');
      const after = await keysOnDisk(join(root, 'w1'));
      expect([...first.acked, ...second.acked].filter((key) => !after.keys.has(key))).toEqual([]);
      expect(after.skippedBytes).toBe(0);
      // Nothing the crash left behind survives a clean open and close.
      const files = (await readdir(join(root, 'w1'))).sort();
      expect(files.filter((f) => f.startsWith('.tmp-') || f.endsWith('.bblog')).length).toBeLessThanOrEqual(1);
    });
  }
});
