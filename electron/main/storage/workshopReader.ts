// Reads a workshop folder back into its Yjs state without changing anything on disk: the
// snapshot, then every log the snapshot does not yet cover, in order.
//
// What damage means for the user (how torn and damaged are told apart: recordFormat.ts):
// - A torn tail on the newest log (its last record cut short by the end of the file) is a write
//   that never finished, so it was never acknowledged: it is skipped and its size reported
//   (`skippedBytes`); opening the workshop then cuts it off.
// - Anything else means acknowledged data may be damaged: a record the file holds in full that
//   fails its checksums or is zeros, wherever it is (the last one included); a record that is
//   not a Yjs update or cannot be applied; a torn tail on an older log; a damaged snapshot.
//   Loading refuses with 'corrupt' (a damaged snapshot: 'unrecoverable'), says which file,
//   byte and what, and leaves every file untouched, so nothing is silently lost or applied out
//   of order. WorkshopStore.salvage (salvage.ts) can then rebuild the workshop from every
//   record that still reads, keeping the damaged files aside.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { notAStoredChangeReason } from '../../../shared/history/historyRecord';
import { CodedError } from '../codedError';
import { damagedLog, describeDamage } from './logDamage';
import { mergeStateChecked } from './mergeState';
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
  /** The snapshot with every update applied: what loading hands to the renderer. */
  readonly state: Uint8Array;
  /** Logs the snapshot does not cover, oldest first; the last one is where appends go. */
  readonly logs: LogFileState[];
  /** Logs already merged into the snapshot, left behind by an interrupted compaction. */
  readonly staleLogs: string[];
  /** Bytes of the torn tail that opening will cut off; 0 when the log ends cleanly. */
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

function damagedSnapshot(dir: string, what: string): CodedError {
  return new CodedError('unrecoverable', `The workshop snapshot in ${dir} ${what}; nothing was changed. Open a copy exported earlier, or rejoin a room that has this workshop.`);
}

export async function readWorkshop(dir: string): Promise<WorkshopContents> {
  const snapshotBytes = await readOptional(snapshotPath(dir));
  const snapshot = snapshotBytes === null ? null : decodeSnapshot(snapshotBytes);
  if (snapshotBytes !== null && snapshot === null) throw damagedSnapshot(dir, 'is damaged');
  const nextLogGen = snapshot?.nextLogGen ?? 0;
  const gens = (await readdir(dir))
    .map((name) => ({ name, gen: logGenOf(name) }))
    .filter((entry): entry is { name: string; gen: number } => entry.gen !== null)
    .sort((a, b) => a.gen - b.gen);
  const live = gens.filter((entry) => entry.gen >= nextLogGen);
  const updates: Uint8Array[] = [];
  /** Where each update is stored, to name it if it turns out not to apply. */
  const places: { path: string; offset: number }[] = [];
  const logs: LogFileState[] = [];
  let skippedBytes = 0;
  for (const [index, entry] of live.entries()) {
    const path = join(dir, entry.name);
    const bytes = await readFile(path);
    const scan = scanLog(bytes);
    for (const record of scan.records) {
      // Checked again here, not only on append: logs written before appends were checked.
      const reason = notAStoredChangeReason(record.payload);
      if (reason !== null) throw damagedLog(path, record.offset, `the change stored there is not a Yjs update (${reason})`);
      updates.push(record.payload);
      places.push({ path, offset: record.offset });
    }
    const damage = scan.damage;
    if (damage?.kind === 'corrupt') throw damagedLog(path, damage.offset, describeDamage(bytes, damage));
    // Opening cuts a torn tail off before anything else is written, so only the newest log may have one.
    if (damage?.kind === 'torn-tail' && index !== live.length - 1) {
      throw damagedLog(path, damage.offset, 'it ends part-way through a saved change, yet newer logs follow it');
    }
    skippedBytes += damage?.bytes ?? 0;
    logs.push({ gen: entry.gen, path, validEnd: scan.validEnd, size: bytes.byteLength });
  }
  const merged = mergeStateChecked(snapshot === null ? updates : [snapshot.state, ...updates]);
  if (!merged.ok) {
    const place = places[merged.index - (snapshot === null ? 0 : 1)];
    if (place === undefined) throw damagedSnapshot(dir, `cannot be applied (${merged.reason})`);
    throw damagedLog(place.path, place.offset, `the change stored there cannot be applied to the board (${merged.reason})`);
  }
  return {
    snapshot: snapshot?.state ?? null,
    nextLogGen,
    updates,
    state: merged.state,
    logs,
    staleLogs: gens.filter((entry) => entry.gen < nextLogGen).map((entry) => join(dir, entry.name)),
    skippedBytes,
  };
}
