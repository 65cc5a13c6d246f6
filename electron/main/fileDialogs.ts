// Saving and opening workshop files through the native dialogs. The renderer encodes and
// decodes the .bridgeboard format; this side only moves bytes, with a size limit and errors
// that say what went wrong.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/protocol';
import { CodedError } from './codedError';
import { writeFileAtomic } from './storage/durableFs';

const FILTERS = [
  { name: 'Bridgeboard workshop', extensions: ['bridgeboard'] },
  { name: 'All files', extensions: ['*'] },
];
// Verifying a charter opens its exports, not workshop files.
const CHARTER_FILTERS: typeof FILTERS = [
  { name: 'Charter export (PDF, JSON, Markdown)', extensions: ['pdf', 'json', 'md'] },
  { name: 'All files', extensions: ['*'] },
];

/** The parts of Electron's dialog module used here (called without a parent when there is no window). */
export interface DialogLike {
  showSaveDialog(options: { title: string; defaultPath: string; filters: typeof FILTERS }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; properties: ['openFile']; filters: typeof FILTERS }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
    if (error.code === 'ENOSPC') return 'the disk is full';
    if (error.code === 'ENOENT') return 'the file or folder does not exist';
    if (error.code === 'EISDIR') return 'that is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

export function createFileService(dialog: DialogLike, maxBytes: number = MAX_FILE_BYTES) {
  return {
    async save(suggestedName: string, bytes: Uint8Array): Promise<boolean> {
      if (bytes.byteLength > maxBytes) throw new CodedError('too-large', `The file is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(maxBytes)}.`);
      const choice = await dialog.showSaveDialog({ title: 'Export workshop', defaultPath: suggestedName, filters: FILTERS });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return false;
      try {
        await writeFileAtomic(choice.filePath, bytes);
      } catch (error) {
        throw new CodedError('storage-failed', `Could not save ${basename(choice.filePath)}: ${reason(error)}.`, { cause: error });
      }
      return true;
    },

    async open(kind: 'workshop' | 'charter' = 'workshop'): Promise<{ name: string; bytes: Uint8Array } | null> {
      const charter = kind === 'charter';
      const choice = await dialog.showOpenDialog({ title: charter ? 'Verify a charter' : 'Import workshop', properties: ['openFile'], filters: charter ? CHARTER_FILTERS : FILTERS });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return null;
      const name = basename(path);
      let bytes: Uint8Array;
      try {
        const info = await stat(path);
        if (!info.isFile()) throw new CodedError('invalid-request', `${name} is not a file.`);
        if (info.size > maxBytes) throw new CodedError('too-large', `${name} is ${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}.`);
        bytes = await readFile(path);
      } catch (error) {
        if (error instanceof CodedError) throw error;
        throw new CodedError('storage-failed', `Could not read ${name}: ${reason(error)}.`, { cause: error });
      }
      // The file may have grown between stat and read.
      if (bytes.byteLength > maxBytes) throw new CodedError('too-large', `${name} is larger than ${megabytes(maxBytes)}.`);
      return { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
