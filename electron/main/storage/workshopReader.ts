// Reads a workshop folder back into its Yjs state without changing anything on disk: the
// snapshot, then every log the snapshot does not yet cover, in order.
//
// What damage means for the user:
// - A torn tail on the newest log is a write that never finished, so it was never
//   acknowledged: it is skipped and its size reported (`skippedBytes`).
// - Anything else (a bad record followed by good ones, a torn tail on an older log, a damaged
//   snapshot) means acknowledged data is damaged. Loading refuses with 'corrupt', says which
//   file and offset, and leaves every file untouched, so nothing is silently lost or applied
//   out of order. WorkshopStore.salvage (salvage.ts) can then rebuild the workshop from every
//   record that still reads, keeping the damaged files aside.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../codedError';
import { scanLog } from './recordFormat';
import { decodeSnapshot } from './snapshotFormat';
import { logGenOf, snapshotPath } from './workshopFiles';

export interface LogFileState {
  readonly gen: number;
  readonly path: string;
  readonly validEnd: number;
  readonly size: number;
}

export interface WorkshopContents {
  readonly snapshot: Uint8Array | null;
  readonly nextLogGen: number;
  readonly updates: Uint8Array[];
  /** Logs the snapshot does not cover, oldest first; the last one is where appends go. */
  readonly logs: LogFileState[];
  /** Logs already merged into the snapshot, left behind by an interrupted compaction. */
  readonly staleLogs: string[];
  readonly skippedBytes: number;
}

async function readOptional(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

export async function readWorkshop(dir: string): Promise<WorkshopContents> {
  const snapshotBytes = await readOptional(snapshotPath(dir));
  const snapshot = snapshotBytes === null ? null : decodeSnapshot(snapshotBytes);
  if (snapshotBytes !== null && snapshot === null) {
    throw new CodedError('unrecoverable', `The workshop snapshot in ${dir} is damaged; nothing was changed. Open a copy exported earlier, or rejoin a room that has this workshop.`);
  }
  const nextLogGen = snapshot?.nextLogGen ?? 0;
  const gens = (await readdir(dir))
    .map((name) => ({ name, gen: logGenOf(name) }))
    .filter((entry): entry is { name: string; gen: number } => entry.gen !== null)
    .sort((a, b) => a.gen - b.gen);
  const live = gens.filter((entry) => entry.gen >= nextLogGen);
  const updates: Uint8Array[] = [];
  const logs: LogFileState[] = [];
  let skippedBytes = 0;
  for (const [index, entry] of live.entries()) {
    const path = join(dir, entry.name);
    const bytes = await readFile(path);
    const scan = scanLog(bytes);
    const isNewest = index === live.length - 1;
    if (scan.damage !== null && (scan.damage.kind === 'corrupt' || !isNewest)) {
      throw new CodedError(
        'corrupt',
        `The workshop log ${path} is damaged at byte ${scan.damage.offset} (${scan.damage.bytes} bytes from there on cannot be trusted). ` +
          'Updates after that point were saved but cannot be read safely, so the workshop was not opened and nothing was changed.',
      );
    }
    skippedBytes += scan.damage?.bytes ?? 0;
    updates.push(...scan.records);
    logs.push({ gen: entry.gen, path, validEnd: scan.validEnd, size: bytes.byteLength });
  }
  return {
    snapshot: snapshot?.state ?? null,
    nextLogGen,
    updates,
    logs,
    staleLogs: gens.filter((entry) => entry.gen < nextLogGen).map((entry) => join(dir, entry.name)),
    skippedBytes,
  };
}
