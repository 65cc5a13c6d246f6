// A workshop's history on disk: the update logs that compaction has merged into the snapshot are
// moved (renamed, never copied) into `history/` instead of being deleted, after the state they
// start from (`history/base.bbsnap`, written before the first compaction replaces the snapshot).
// Reading the history is the base, then every archived log's records, then the live log's: the
// stored changes, oldest first, as shared/history/historyRecord.ts reads them.
//
// Crash safety: the base is written (atomically) before the snapshot it copies can change; a
// log is archived only after the snapshot that covers it is in place, and a crash between the
// two leaves a stale log that the next open archives (WorkshopLog.open).
// Retention: past MAX_HISTORY_RECORDS stored changes, the oldest half is folded into
// checkpoints (shared/history/historyRetention.ts): one file replaces the folded logs.
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkpointRecord, decodeHistoryRecord, encodeHistoryRecord, foldAt, MAX_HISTORY_RECORDS, type HistoryRecord } from '../../../shared/history';
import { fsyncDir, writeFileAtomic } from './durableFs';
import { encodeRecord, salvageLog } from './recordFormat';
import { decodeSnapshot, encodeSnapshot } from './snapshotFormat';
import { logGenOf } from './workshopFiles';

export const HISTORY_DIR = 'history';
const BASE_FILE = 'base.bbsnap';
/** The empty Yjs update: the state of a doc with nothing in it. */
const EMPTY_STATE = new Uint8Array([0, 0]);

const historyDir = (dir: string): string => join(dir, HISTORY_DIR);

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

/** Writes the state the history starts from, unless it is written already. */
export async function ensureHistoryBase(dir: string, state: Uint8Array | null): Promise<void> {
  const base = join(historyDir(dir), BASE_FILE);
  if (await exists(base)) return;
  await mkdir(historyDir(dir), { recursive: true });
  await writeFileAtomic(base, encodeSnapshot({ nextLogGen: 0, state: state ?? EMPTY_STATE }));
  await fsyncDir(dir);
}

/** Moves logs that the snapshot now covers into the history. */
export async function archiveLogs(dir: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await mkdir(historyDir(dir), { recursive: true });
  for (const path of paths) await rename(path, join(historyDir(dir), basename(path))).catch((error: unknown) => {
    // Already moved by an earlier, interrupted compaction.
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  });
  await fsyncDir(historyDir(dir));
  await fsyncDir(dir);
}

interface ArchivedLog {
  readonly gen: number;
  readonly path: string;
  readonly records: Uint8Array[];
}

async function archivedLogs(dir: string): Promise<ArchivedLog[]> {
  const names = await readdir(historyDir(dir)).catch(() => [] as string[]);
  const logs = names
    .map((name) => ({ name, gen: logGenOf(name) }))
    .filter((e): e is { name: string; gen: number } => e.gen !== null)
    .sort((a, b) => a.gen - b.gen);
  // What still reads of each: the history is for looking back, so damage hides only itself.
  return Promise.all(logs.map(async (e) => ({ gen: e.gen, path: join(historyDir(dir), e.name), records: salvageLog(await readFile(join(historyDir(dir), e.name))).records.map((r) => r.payload) })));
}

/**
 * The stored changes kept as history, oldest first: a checkpoint of the base (or, for a
 * workshop never compacted since the history was kept, of `snapshot`), the archived logs, then
 * `live` (the records of the logs the snapshot does not cover yet).
 */
export async function readHistory(dir: string, snapshot: Uint8Array | null, live: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const baseBytes = await readFile(join(historyDir(dir), BASE_FILE)).catch(() => null);
  const base = baseBytes ? decodeSnapshot(baseBytes)?.state ?? null : null;
  const archived = await archivedLogs(dir);
  // Without a base but with archived logs, the history was folded: it starts with a checkpoint.
  const start = base ?? (archived.length === 0 ? (snapshot ?? EMPTY_STATE) : null);
  return [...(start ? [checkpointRecord(start, 0)] : []), ...archived.flatMap((log) => log.records), ...live];
}

/** Folds the oldest half of the archived history into checkpoints once it holds too many changes. */
export async function foldHistoryIfNeeded(dir: string, maxRecords = MAX_HISTORY_RECORDS): Promise<void> {
  const archived = await archivedLogs(dir);
  const total = archived.reduce((n, log) => n + log.records.length, 0);
  if (total <= maxRecords) return;
  const baseBytes = await readFile(join(historyDir(dir), BASE_FILE)).catch(() => null);
  const base = baseBytes ? decodeSnapshot(baseBytes)?.state ?? EMPTY_STATE : EMPTY_STATE;
  const bytes = [checkpointRecord(base, 0), ...archived.flatMap((log) => log.records)];
  const records = bytes.map(decodeHistoryRecord).filter((r): r is HistoryRecord => r !== null);
  // The oldest half, in whole logs: fold up to the last log that ends within it.
  let covered = 1; // the base checkpoint
  const folded: ArchivedLog[] = [];
  for (const log of archived) {
    if (covered + log.records.length > Math.floor(records.length / 2)) break;
    covered += log.records.length;
    folded.push(log);
  }
  const last = folded.at(-1);
  if (!last) return;
  const fold = foldAt(records, covered);
  const file = fold.checkpoints.map((c) => encodeRecord(encodeHistoryRecord({ ...c, kind: 'checkpoint' })));
  // The checkpoints take the last folded log's place (and so its position in the order).
  await writeFileAtomic(last.path, concat(file));
  for (const log of folded.slice(0, -1)) await rm(log.path, { force: true });
  await rm(join(historyDir(dir), BASE_FILE), { force: true });
  await fsyncDir(historyDir(dir));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
