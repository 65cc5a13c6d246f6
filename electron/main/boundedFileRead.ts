// Reads a file a person chose (in a dialog, or by opening it from the OS) into memory, within a
// size limit, with errors that say what is wrong in words. The file is opened first and then
// checked through its descriptor, so what is checked is what is read: a path swapped for a folder,
// a device or a named pipe between a check and the read cannot slip through, and opening does not
// wait for a pipe's writer (O_NONBLOCK; Windows has no such files and no such flag).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CodedError } from './codedError';

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A filesystem error in words a person can act on. */
export function fsReason(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
    if (error.code === 'ENOSPC') return 'the disk is full';
    if (error.code === 'ENOENT') return 'the file or folder does not exist';
    if (error.code === 'EISDIR') return 'that is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

/** The file's name and bytes; CodedError 'invalid-request' (not a file), 'too-large' or 'storage-failed'. */
export async function readBoundedFile(path: string, maxBytes: number): Promise<{ name: string; bytes: Uint8Array }> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EISDIR') throw new CodedError('invalid-request', `${name} is not a file.`);
    throw new CodedError('storage-failed', `Could not read ${name}: ${fsReason(error)}.`, { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CodedError('invalid-request', `${name} is not a file.`);
    if (info.size > maxBytes) throw new CodedError('too-large', `${name} is ${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}.`);
    // One byte more than the limit: a file that grew since fstat is noticed, not cut short.
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new CodedError('too-large', `${name} is larger than ${megabytes(maxBytes)}.`);
    // Grew while being read (still being written?): what was read would be cut short.
    if (length === buffer.length) throw new CodedError('storage-failed', `Could not read ${name}: it changed while it was read; try again once it is complete.`);
    return { name, bytes: buffer.subarray(0, length) };
  } catch (error) {
    if (error instanceof CodedError) throw error;
    throw new CodedError('storage-failed', `Could not read ${name}: ${fsReason(error)}.`, { cause: error });
  } finally {
    await handle.close();
  }
}
