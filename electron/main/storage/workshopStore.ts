// Workshop storage over a folder (the app's userData/workshops): one sub-folder per workshop
// holding its summary, snapshot and update logs. This is what the storage IPC channels call.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { workshopIdSchema, workshopSummarySchema } from '../../../shared/protocol';
import type { WorkshopSummaryData } from '../../../shared/protocol';
import { notAnUpdateReason } from '../../../shared/sync/updateCheck';
import { notAStoredChangeReason } from '../../../shared/history/historyRecord';
import { CodedError } from '../codedError';
import { fsyncDir, writeFileAtomic, writeFileDurable } from './durableFs';
import { salvageWorkshop } from './salvage';
import { encodeSnapshot } from './snapshotFormat';
import { SUMMARY_FILE, snapshotPath } from './workshopFiles';
import { WorkshopLog } from './workshopLog';
import type { WorkshopLogOptions } from './workshopLog';

export interface LoadedWorkshop {
  readonly state: Uint8Array;
  readonly skippedBytes: number;
}

const TEMP_PREFIX = '.tmp-';
const TRASH_PREFIX = '.trash-';

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** Refuses bytes that are not a Yjs update: stored, they would stop the workshop from loading. */
function requireUpdate(bytes: Uint8Array, what: string): void {
  const reason = notAnUpdateReason(bytes);
  if (reason !== null) throw new CodedError('invalid-request', `${what} was not saved: the bytes are not a Yjs update (${reason}).`);
}

/** Refuses bytes that are not a stored change (a history record, or a bare Yjs update). */
function requireStoredChange(bytes: Uint8Array): void {
  const reason = notAStoredChangeReason(bytes);
  if (reason !== null) throw new CodedError('invalid-request', `The change was not saved: the bytes are not a Yjs update (${reason}).`);
}

function wrap(action: string) {
  return (error: unknown): never => {
    if (error instanceof CodedError) throw error;
    throw new CodedError('storage-failed', `Could not ${action}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  };
}

export class WorkshopStore {
  private readonly open = new Map<string, Promise<WorkshopLog>>();
  /** Closes still compacting; a reopen waits for them, or it would append to a log being retired. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Each workshop's latest append on its way into the log; the next one waits for it (see append). */
  private readonly arriving = new Map<string, Promise<void>>();

  private constructor(
    private readonly root: string,
    private readonly options: WorkshopLogOptions,
  ) {}

  /** Creates the root if needed and clears leftovers of interrupted creations and removals. */
  static async create(root: string, options: Partial<WorkshopLogOptions> = {}): Promise<WorkshopStore> {
    await mkdir(root, { recursive: true });
    const leftovers = (await readdir(root)).filter((name) => name.startsWith(TEMP_PREFIX) || name.startsWith(TRASH_PREFIX));
    await Promise.all(leftovers.map((name) => rm(join(root, name), { recursive: true, force: true })));
    return new WorkshopStore(root, { compactEvery: 1000, ...options });
  }

  private dirOf(id: string): string {
    // Checked again here, not only at the IPC boundary: this is what keeps ids inside the root.
    if (!workshopIdSchema.safeParse(id).success) throw new CodedError('invalid-request', `Not a valid workshop id: ${JSON.stringify(id)}`);
    return join(this.root, id);
  }

  private async requireExists(id: string): Promise<string> {
    const dir = this.dirOf(id);
    try {
      if ((await stat(dir)).isDirectory()) return dir;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    throw new CodedError('not-found', `There is no workshop ${id}.`);
  }

  async list(): Promise<WorkshopSummaryData[]> {
    const names = (await readdir(this.root).catch(wrap('list the workshops'))).filter((name) => workshopIdSchema.safeParse(name).success);
    const summaries = await Promise.all(names.map((id) => this.readSummary(id)));
    return summaries.filter((summary): summary is WorkshopSummaryData => summary !== null);
  }

  /** The stored summary; a damaged one is replaced by a placeholder so the workshop stays reachable. */
  private async readSummary(id: string): Promise<WorkshopSummaryData | null> {
    let text: string;
    try {
      text = await readFile(join(this.root, id, SUMMARY_FILE), 'utf8');
    } catch (error) {
      if (isMissing(error)) return (await stat(join(this.root, id)).catch(() => null))?.isDirectory() ? placeholder(id) : null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return placeholder(id);
    }
    const parsed = workshopSummarySchema.safeParse(json);
    return parsed.success && parsed.data.id === id ? parsed.data : placeholder(id);
  }

  /** Builds the workshop in a temp folder and renames it into place, so it appears whole or not at all. */
  async create(summary: WorkshopSummaryData, state: Uint8Array): Promise<void> {
    const dir = this.dirOf(summary.id);
    requireUpdate(state, 'The workshop');
    if (await stat(dir).then(() => true, () => false)) throw new CodedError('invalid-request', `A workshop ${summary.id} already exists.`);
    const temp = join(this.root, `${TEMP_PREFIX}${summary.id}-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(temp);
      await writeFileDurable(snapshotPath(temp), encodeSnapshot({ nextLogGen: 0, state }));
      await writeFileDurable(join(temp, SUMMARY_FILE), new TextEncoder().encode(JSON.stringify(summary)));
      await fsyncDir(temp);
      await rename(temp, dir);
      await fsyncDir(this.root);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      if (error instanceof Error && 'code' in error && (error.code === 'ENOTEMPTY' || error.code === 'EEXIST')) {
        throw new CodedError('invalid-request', `A workshop ${summary.id} already exists.`);
      }
      wrap('create the workshop')(error);
    }
  }

  private handle(id: string, dir: string): Promise<WorkshopLog> {
    let log = this.open.get(id);
    if (log === undefined) {
      const previous = this.closing.get(id) ?? Promise.resolve();
      log = previous.then(() => WorkshopLog.open(dir, this.options));
      this.open.set(id, log);
      // A failed open must not be cached: the next attempt should read the disk again.
      log.catch(() => this.open.delete(id));
    }
    return log;
  }

  async load(id: string): Promise<LoadedWorkshop> {
    const dir = await this.requireExists(id);
    const log = await this.handle(id, dir).catch(wrap('open the workshop'));
    return { state: log.state(), skippedBytes: log.skippedBytes };
  }

  /**
   * Resolves once the update is durable. Appends to one workshop reach its log in the order they
   * were made: each waits until the one before is queued there (not written, so group commit
   * still batches them). On their own they would not: an append may first check that the
   * workshop exists and open it, and those steps finish in any order. A Yjs update builds on the
   * ones made before it; stored ahead of one and acknowledged, it would, after a crash that lost
   * the earlier one, stay pending in Yjs on the next open: on disk, yet not on the board.
   */
  async append(id: string, update: Uint8Array): Promise<void> {
    this.dirOf(id);
    requireStoredChange(update);
    const queued = (this.arriving.get(id) ?? Promise.resolve()).then(() => this.queueAppend(id, update));
    // A failed append (the workshop was removed, say) does not hold up the ones after it.
    const arrived = queued.then(
      () => undefined,
      () => undefined,
    );
    this.arriving.set(id, arrived);
    void arrived.then(() => {
      if (this.arriving.get(id) === arrived) this.arriving.delete(id);
    });
    const { written } = await queued;
    await written;
  }

  /** Hands the update to the workshop's log; resolves once it is queued there, with its write (boxed, so that is not awaited). */
  private async queueAppend(id: string, update: Uint8Array): Promise<{ readonly written: Promise<void> }> {
    for (;;) {
      // An open log is proof enough that the workshop exists (removal takes it out of `open`
      // first); checking the folder for every append would cost each one a stat, in turn.
      const log = await (this.open.get(id) ?? this.requireExists(id).then((dir) => this.handle(id, dir))).catch(wrap('open the workshop'));
      // Closed between lookup and append (a close raced us): the next handle reopens it.
      if (!log.isClosed) return { written: log.append(update) };
    }
  }

  async history(id: string): Promise<Uint8Array[]> {
    const dir = await this.requireExists(id);
    const log = await this.handle(id, dir).catch(wrap('open the workshop'));
    return log.history().catch(wrap('read the history'));
  }

  async setSummary(summary: WorkshopSummaryData): Promise<void> {
    const dir = await this.requireExists(summary.id);
    await writeFileAtomic(join(dir, SUMMARY_FILE), new TextEncoder().encode(JSON.stringify(summary))).catch(wrap('save the summary'));
  }

  async close(id: string): Promise<void> {
    this.dirOf(id);
    await this.release(id, { compact: true }).catch(wrap('close the workshop'));
  }

  /** Takes the workshop out of the open set at once; the file work finishes in the background of `closing`. */
  private release(id: string, options: { compact: boolean }): Promise<void> {
    const log = this.open.get(id);
    if (log === undefined) return this.closing.get(id) ?? Promise.resolve();
    this.open.delete(id);
    const done = log.then((opened) => opened.close(options));
    const settled = done.catch(() => undefined).finally(() => {
      if (this.closing.get(id) === settled) this.closing.delete(id);
    });
    this.closing.set(id, settled);
    return done;
  }

  /** Renames the folder away first, so a crash mid-delete never leaves half a workshop listed. */
  async remove(id: string): Promise<void> {
    const dir = await this.requireExists(id);
    await this.release(id, { compact: false }).catch(() => undefined);
    const trash = join(this.root, `${TRASH_PREFIX}${id}-${randomBytes(4).toString('hex')}`);
    await rename(dir, trash).catch(wrap('remove the workshop'));
    await fsyncDir(this.root).catch(wrap('remove the workshop'));
    await rm(trash, { recursive: true, force: true });
  }

  /**
   * Rebuilds a workshop whose log is damaged from everything still readable (see salvage.ts).
   * Only a workshop that refuses to load as 'corrupt' is touched: anything else is refused, so
   * nothing (a confused or compromised renderer included) reshuffles a healthy workshop.
   */
  async salvage(id: string): Promise<{ skippedBytes: number; keptUpdates: number }> {
    const dir = await this.requireExists(id);
    const failure = await this.load(id).then(
      () => null,
      (error: unknown) => error,
    );
    if (failure instanceof CodedError && failure.code === 'unrecoverable') throw failure;
    if (!(failure instanceof CodedError && failure.code === 'corrupt')) throw new CodedError('invalid-request', 'This workshop is not damaged; there is nothing to recover.');
    await this.release(id, { compact: false }).catch(() => undefined);
    return salvageWorkshop(dir).catch(wrap('recover the workshop'));
  }

  /** On quit: compacts and releases every open workshop. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.close(id).catch(() => undefined)));
  }
}

function placeholder(id: string): WorkshopSummaryData {
  return { id, title: `Workshop ${id} (summary unreadable)`, createdAt: 0, updatedAt: 0 };
}
