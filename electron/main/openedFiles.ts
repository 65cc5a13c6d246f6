// Workshop files the OS asks the app to open: double-clicking a .bridgeboard file, or "Open
// with". They arrive as a launch argument (Windows, Linux: the first launch's argv, or a second
// launch's, handed over by 'second-instance'), or as macOS's 'open-file' event (before the app is
// ready when it launched the app, after when it was running). Each becomes a path in a short
// queue here; the renderer asks for the next one ('files:takeOpened') and imports it through
// its usual import, which decodes it and checks every change against the schema.
//
// Nothing from outside is trusted: an argument counts only if it names a .bridgeboard file (a
// switch, a URL of another kind, or a name with any other extension is ignored, so no launch
// argument can make the app read, say, a key file into the page); it is read here in main,
// through readBoundedFile (a regular file, within the size limit), only when the renderer takes
// it; the renderer gets the name and the bytes, never the path, and sends no path back.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBoundedFile } from './boundedFileRead';

export const WORKSHOP_FILE_EXTENSION = '.bridgeboard';
/** Files waiting for the renderer at once; more in one go (a glob gone wrong) are dropped. */
export const MAX_WAITING_FILES = 16;
const MAX_PATH_LENGTH = 4096;

/** The absolute path of the workshop file an argument names, or null for anything else. */
export function workshopPathFrom(arg: unknown, workingDirectory: string): string | null {
  if (typeof arg !== 'string' || arg.length === 0 || arg.length > MAX_PATH_LENGTH || arg.includes('\0')) return null;
  // A Chromium or app switch (--user-data-dir=…), never a file, even if it ends like one.
  if (arg.startsWith('-')) return null;
  let path = arg;
  // Linux desktop entries may hand over file:// URLs (%U); only local ones are files here.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    if (!/^file:\/\/(localhost)?\//i.test(arg)) return null;
    try {
      path = fileURLToPath(arg.replace(/^file:\/\/localhost\//i, 'file:///'));
    } catch {
      return null;
    }
  }
  if (!path.toLowerCase().endsWith(WORKSHOP_FILE_EXTENSION)) return null;
  return isAbsolute(path) ? resolve(path) : resolve(workingDirectory, path);
}

export interface OpenedFilesOptions {
  /** The largest file read (the IPC contract's file limit). */
  readonly maxBytes: number;
  /** Called when a file joins the queue (main brings its window to the front). */
  readonly onQueued?: () => void;
}

export class OpenedFiles {
  private readonly waiting: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: OpenedFilesOptions) {}

  /** Queues the workshop file `arg` names, if it names one; true if it was queued. */
  add(arg: unknown, workingDirectory: string): boolean {
    const path = workshopPathFrom(arg, workingDirectory);
    if (path === null || this.waiting.length >= MAX_WAITING_FILES) return false;
    // Opened twice before the renderer took it (a double double-click): imported once.
    if (!this.waiting.includes(path)) this.waiting.push(path);
    this.options.onQueued?.();
    for (const listener of [...this.listeners]) listener();
    return true;
  }

  /** Queues every workshop file among launch arguments; how many. */
  addFromArgv(argv: readonly unknown[], workingDirectory: string): number {
    return argv.filter((arg) => this.add(arg, workingDirectory)).length;
  }

  get size(): number {
    return this.waiting.length;
  }

  /**
   * The next waiting file's name and bytes, read now, or null when none waits. A file that
   * cannot be read is taken off the queue all the same, and its CodedError says why.
   */
  async take(): Promise<{ name: string; bytes: Uint8Array } | null> {
    const path = this.waiting.shift();
    if (path === undefined) return null;
    return readBoundedFile(path, this.options.maxBytes);
  }

  /**
   * Resolves true as soon as a file waits (at once if one does), or false after `timeoutMs`.
   * The renderer asks again after a false: bounded, so a page that went away while asking
   * leaves nothing waiting here for long.
   */
  wait(timeoutMs: number): Promise<boolean> {
    if (this.waiting.length > 0) return Promise.resolve(true);
    return new Promise((resolvePromise) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(onAdded);
        resolvePromise(value);
      };
      const onAdded = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.listeners.add(onAdded);
    });
  }
}
