// One open workshop: the durable append path (group commit) and compaction.
//
// Appends are queued; one flush writes every queued record in a single write, fdatasyncs, and
// only then resolves their promises, so an acknowledged update is on disk. Appends that arrive
// during a flush form the next batch. Flushes and compactions run one at a time.
//
// Compaction is crash-safe at every step because the snapshot names the first log it does
// NOT cover: (1) start a new log and make it durable; (2) write the merged state to a temp
// file and fsync it; (3) rename it over the snapshot and fsync the folder; (4) delete the old
// logs. Before (3) a reader uses the old snapshot plus all logs; after it, the new snapshot plus
// the new log, ignoring old logs still lying around.
import { open, readdir, rm, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../codedError';
import { fsyncDir, writeAll, writeFileAtomic } from './durableFs';
import { mergeState, mergeStateChecked } from './mergeState';
import { encodeRecord } from './recordFormat';
import { encodeSnapshot } from './snapshotFormat';
import { logFileName, snapshotPath } from './workshopFiles';
import { readWorkshop } from './workshopReader';
import { archiveLogs, ensureHistoryBase, foldHistoryIfNeeded, readHistory } from './historyArchive';

export type CompactionStep = 'merged' | 'rotated' | 'snapshot-temp-written' | 'snapshot-renamed' | 'old-logs-removed';

export interface WorkshopLogOptions {
  /** Compact once this many updates sit in the logs. */
  readonly compactEvery: number;
  /** Test hook, called after each compaction step (a crash test kills the process there). */
  readonly onCompactionStep?: (step: CompactionStep) => Promise<void> | void;
}

interface Pending {
  readonly update: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class WorkshopLog {
  private pending: Pending[] = [];
  private flushQueued = false;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private broken: CodedError | null = null;

  private constructor(
    private readonly dir: string,
    private readonly options: WorkshopLogOptions,
    private snapshot: Uint8Array | null,
    private updates: Uint8Array[],
    private logGen: number,
    private logs: string[],
    private handle: FileHandle,
    private logSize: number,
    /** What recovery skipped when this workshop was opened. */
    readonly skippedBytes: number,
    /** The last merged state, with the snapshot and update count it covers. */
    private merged: { readonly snapshot: Uint8Array | null; readonly updates: number; readonly state: Uint8Array },
  ) {}

  /** Opens a workshop for appending, first cutting off a torn tail (never acknowledged). */
  static async open(dir: string, options: WorkshopLogOptions): Promise<WorkshopLog> {
    const contents = await readWorkshop(dir);
    // Old logs a compaction already covered, and temp files a crash left before their rename.
    const temps = (await readdir(dir)).filter((name) => name.startsWith('.tmp-')).map((name) => join(dir, name));
    await Promise.all(temps.map((path) => rm(path, { force: true })));
    // Logs a compaction merged but had not yet moved into the history when it was cut short.
    await archiveLogs(dir, contents.staleLogs);
    const newest = contents.logs.at(-1);
    let gen: number;
    let size: number;
    if (newest === undefined) {
      gen = contents.nextLogGen;
      size = 0;
    } else {
      gen = newest.gen;
      size = newest.validEnd;
      if (newest.size !== newest.validEnd) await truncate(newest.path, newest.validEnd);
    }
    const path = join(dir, logFileName(gen));
    const handle = await open(path, 'a');
    // Makes the truncation, or the new file's existence, durable before any append relies on it.
    await handle.sync();
    await fsyncDir(dir);
    const logs = newest === undefined ? [path] : contents.logs.map((log) => log.path);
    // The reader already merged (and so checked) everything: the first load reuses that.
    const merged = { snapshot: contents.snapshot, updates: contents.updates.length, state: contents.state };
    return new WorkshopLog(dir, options, contents.snapshot, contents.updates, gen, logs, handle, size, contents.skippedBytes, merged);
  }

  /** The full state: snapshot and every update since, merged. */
  state(): Uint8Array {
    if (this.merged.snapshot === this.snapshot && this.merged.updates === this.updates.length) return this.merged.state;
    const parts = this.snapshot === null ? this.updates : [this.snapshot, ...this.updates];
    const merged = mergeStateChecked(parts);
    // An update appended this session decoded (the check at the door) but does not apply.
    if (!merged.ok) throw new CodedError('corrupt', `A change saved in this workshop cannot be applied to the board (${merged.reason}), so it was not opened and nothing was changed.`);
    this.merged = { snapshot: this.snapshot, updates: this.updates.length, state: merged.state };
    return merged.state;
  }

  /** The stored changes kept as history (historyArchive.ts), oldest first. */
  history(): Promise<Uint8Array[]> {
    return readHistory(this.dir, this.snapshot, this.updates);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves once the update is fsync'd. */
  append(update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new CodedError('not-found', 'This workshop is closed.'));
    if (this.broken !== null) return Promise.reject(this.broken);
    // Copied: the caller's buffer may be reused after we return.
    const copy = Uint8Array.from(update);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ update: copy, resolve, reject });
      if (!this.flushQueued) {
        this.flushQueued = true;
        void this.enqueue(() => this.flush());
      }
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const records = batch.map((entry) => encodeRecord(entry.update));
    const bytes = new Uint8Array(records.reduce((sum, record) => sum + record.byteLength, 0));
    let at = 0;
    for (const record of records) {
      bytes.set(record, at);
      at += record.byteLength;
    }
    let written = false;
    try {
      await writeAll(this.handle, bytes);
      written = true;
      await this.handle.datasync();
    } catch (error) {
      // After a failed fsync the kernel may have dropped the dirty pages and marked them clean,
      // so a later fsync could "succeed" without the data: stop saving rather than trust it.
      if (written) this.broken = new CodedError('storage-failed', `Saving is disabled for this workshop until it is reopened: ${describe(error)}`);
      await this.recoverFromFailedWrite(error);
      const failure = new CodedError('storage-failed', `Could not save the update: ${describe(error)}`, { cause: error });
      batch.forEach((entry) => entry.reject(failure));
      return;
    }
    this.logSize += bytes.byteLength;
    this.updates.push(...batch.map((entry) => entry.update));
    batch.forEach((entry) => entry.resolve());
    if (this.updates.length >= this.options.compactEvery) {
      // A failed compaction loses nothing (the logs stay authoritative); the next one retries.
      await this.compactNow().catch(() => undefined);
    }
  }

  /** A partial write must not stay in the log: records written after it would read as corrupt. */
  private async recoverFromFailedWrite(error: unknown): Promise<void> {
    try {
      await this.handle.truncate(this.logSize);
      await this.handle.sync();
    } catch {
      this.broken = new CodedError('storage-failed', `Saving is disabled for this workshop until it is reopened: ${describe(error)}`);
    }
  }

  compact(): Promise<void> {
    return this.enqueue(() => this.compactNow());
  }

  private async compactNow(): Promise<void> {
    if (this.updates.length === 0) return;
    const hook = this.options.onCompactionStep;
    // The history starts from the state before the first compaction: kept before it changes.
    await ensureHistoryBase(this.dir, this.snapshot);
    const merged = mergeState(this.snapshot === null ? this.updates : [this.snapshot, ...this.updates]);
    await hook?.('merged');
    const nextGen = this.logGen + 1;
    const nextPath = join(this.dir, logFileName(nextGen));
    const nextHandle = await open(nextPath, 'a');
    await nextHandle.sync();
    await fsyncDir(this.dir);
    await this.handle.close();
    const oldLogs = this.logs;
    this.handle = nextHandle;
    this.logGen = nextGen;
    this.logs = [nextPath];
    this.logSize = 0;
    await hook?.('rotated');
    await writeFileAtomic(snapshotPath(this.dir), encodeSnapshot({ nextLogGen: nextGen, state: merged }), async (step) => {
      await hook?.(step === 'temp-written' ? 'snapshot-temp-written' : 'snapshot-renamed');
    });
    this.snapshot = merged;
    this.updates = [];
    // Into the history, not deleted: every stored change stays restorable.
    await archiveLogs(this.dir, oldLogs);
    await hook?.('old-logs-removed');
    await foldHistoryIfNeeded(this.dir).catch(() => undefined);
  }

  /** Flushes, compacts and releases the file. `compact: false` is for removal. */
  async close(options: { compact: boolean } = { compact: true }): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.enqueue(async () => {
      await this.flush();
      if (options.compact) await this.compactNow();
    }).finally(() => this.handle.close());
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
