// Recovery for a workshop that refuses to load because a log is damaged (anywhere in it): the
// 'storage:recover' channel, behind the "Recover what can be read" button the renderer shows
// when opening a workshop fails with 'corrupt'.
//
// It keeps every record that still passes its checksums, passes the update guard (as a change
// from the room must) and applies as a Yjs update, folds them
// with the snapshot into a new snapshot, and moves the damaged logs into a `damaged-<time>/`
// folder instead of deleting them (the records it left out are still in there, byte for byte).
// Edits that depended on a lost record stay pending inside the Yjs state (they are kept, not
// applied), so nothing readable is thrown away.
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import * as Y from 'yjs';
import { checkWorkshopUpdate } from '../../../shared/schema';
import { join } from 'node:path';
import { notAStoredChangeReason } from '../../../shared/history/historyRecord';
import { CodedError } from '../codedError';
import { fsyncDir, writeFileAtomic } from './durableFs';
import { updateOf } from './mergeState';
import { HEADER_BYTES, salvageLog } from './recordFormat';
import { decodeSnapshot, encodeSnapshot } from './snapshotFormat';
import { logGenOf, snapshotPath } from './workshopFiles';

export async function salvageWorkshop(dir: string, now: Date = new Date()): Promise<{ skippedBytes: number; keptUpdates: number }> {
  const snapshotBytes = await readFile(snapshotPath(dir)).catch(() => null);
  const snapshot = snapshotBytes === null ? null : decodeSnapshot(snapshotBytes);
  if (snapshotBytes !== null && snapshot === null) throw new CodedError('unrecoverable', 'The snapshot itself is damaged; there is nothing safe to rebuild from.');
  const nextLogGen = snapshot?.nextLogGen ?? 0;
  const logs = (await readdir(dir))
    .map((name) => ({ name, gen: logGenOf(name) }))
    .filter((entry): entry is { name: string; gen: number } => entry.gen !== null && entry.gen >= nextLogGen)
    .sort((a, b) => a.gen - b.gen);
  const updates: Uint8Array[] = [];
  let skippedBytes = 0;
  for (const log of logs) {
    const result = salvageLog(await readFile(join(dir, log.name)));
    skippedBytes += result.skippedBytes;
    for (const { payload } of result.records) {
      // Intact but not an update: written before appends were checked. Left out, counted as set aside.
      if (notAStoredChangeReason(payload) === null) updates.push(payload);
      else skippedBytes += HEADER_BYTES + payload.byteLength;
    }
  }
  const lastGen = logs.at(-1)?.gen ?? nextLogGen - 1;
  const { state, left } = mergeLeavingOut(snapshot?.state ?? null, updates);
  skippedBytes += left.reduce((sum, update) => sum + HEADER_BYTES + update.byteLength, 0);
  // The new snapshot covers every old log, so they can be moved aside without being needed again.
  await writeFileAtomic(snapshotPath(dir), encodeSnapshot({ nextLogGen: lastGen + 1, state }));
  const aside = join(dir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(aside, { recursive: true });
  for (const log of logs) await rename(join(dir, log.name), join(aside, log.name));
  await fsyncDir(dir);
  return { skippedBytes, keptUpdates: updates.length - left.length };
}

/**
 * Rebuilds the state from the snapshot and the updates in order, leaving out each update that
 * does not pass the checks a change from the room passes (shared/schema's update guard) or does
 * not apply.
 */
function mergeLeavingOut(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): { state: Uint8Array; left: Uint8Array[] } {
  const doc = new Y.Doc();
  try {
    if (snapshot !== null) {
      try {
        Y.applyUpdate(doc, snapshot);
      } catch (error) {
        throw new CodedError('unrecoverable', `The snapshot itself cannot be applied (${error instanceof Error ? error.message : String(error)}); there is nothing safe to rebuild from.`);
      }
    }
    const left: Uint8Array[] = [];
    for (const stored of updates) {
      const update = updateOf(stored);
      if (!checkWorkshopUpdate(doc, update).ok) {
        left.push(stored);
        continue;
      }
      try {
        Y.applyUpdate(doc, update);
      } catch {
        left.push(stored);
      }
    }
    return { state: Y.encodeStateAsUpdate(doc), left };
  } finally {
    doc.destroy();
  }
}
