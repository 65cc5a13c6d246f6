// File operations that survive a crash: data is fsync'd before it is relied on, and a file is
// replaced only by renaming a complete, fsync'd temporary file over it.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Makes directory entries (creations, renames, deletions) durable; files need their own fsync. */
export async function fsyncDir(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or fsync a directory handle; NTFS journals renames itself.
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (!(process.platform === 'win32' && (code === 'EPERM' || code === 'EISDIR' || code === 'EACCES'))) throw error;
  } finally {
    await handle?.close();
  }
}

export async function writeFileDurable(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeAll(handle: { write(b: Uint8Array, o: number, l: number): Promise<{ bytesWritten: number }> }, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done);
    done += bytesWritten;
  }
}

export type AtomicStep = 'temp-written' | 'renamed';

/** Replaces `path` with `bytes` so that a crash leaves either the old or the new file. */
export async function writeFileAtomic(path: string, bytes: Uint8Array, onStep?: (step: AtomicStep) => Promise<void> | void): Promise<void> {
  const temp = join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFileDurable(temp, bytes);
    await onStep?.('temp-written');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await onStep?.('renamed');
  await fsyncDir(dirname(path));
}
