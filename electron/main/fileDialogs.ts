// Saving and opening workshop files through the native dialogs. The renderer encodes and
// decodes the .bridgeboard format; this side only moves bytes, with a size limit and errors
// that say what went wrong.
import { basename } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/protocol';
import { fsReason, megabytes, readBoundedFile } from './boundedFileRead';
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

// What a save dialog offers, by the extension of the name the renderer suggests: the workshop
// file, the minutes and the charter's exports. Offering only "Bridgeboard workshop" for a PDF
// made the dialog's first filter disagree with the name (Windows then adds its extension).
const SAVE_KINDS: Readonly<Record<string, { title: string; filter: string }>> = {
  bridgeboard: { title: 'Export workshop', filter: 'Bridgeboard workshop' },
  pdf: { title: 'Export PDF', filter: 'PDF document' },
  md: { title: 'Export Markdown', filter: 'Markdown' },
  csv: { title: 'Export CSV', filter: 'CSV (spreadsheet)' },
  json: { title: 'Export JSON', filter: 'JSON' },
};

export function saveDialogFor(suggestedName: string): { title: string; filters: typeof FILTERS } {
  const extension = /\.([a-z0-9]{1,12})$/i.exec(suggestedName)?.[1]?.toLowerCase() ?? '';
  const kind = SAVE_KINDS[extension];
  if (!kind) return { title: 'Export', filters: [{ name: 'All files', extensions: ['*'] }] };
  return { title: kind.title, filters: [{ name: kind.filter, extensions: [extension] }, { name: 'All files', extensions: ['*'] }] };
}

/** The parts of Electron's dialog module used here (called without a parent when there is no window). */
export interface DialogLike {
  showSaveDialog(options: { title: string; defaultPath: string; filters: typeof FILTERS }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; properties: ['openFile']; filters: typeof FILTERS }): Promise<{ canceled: boolean; filePaths: string[] }>;
}


export function createFileService(dialog: DialogLike, maxBytes: number = MAX_FILE_BYTES) {
  return {
    async save(suggestedName: string, bytes: Uint8Array): Promise<boolean> {
      if (bytes.byteLength > maxBytes) throw new CodedError('too-large', `The file is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(maxBytes)}.`);
      const choice = await dialog.showSaveDialog({ ...saveDialogFor(suggestedName), defaultPath: suggestedName });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return false;
      try {
        await writeFileAtomic(choice.filePath, bytes);
      } catch (error) {
        throw new CodedError('storage-failed', `Could not save ${basename(choice.filePath)}: ${fsReason(error)}.`, { cause: error });
      }
      return true;
    },

    async open(kind: 'workshop' | 'charter' = 'workshop'): Promise<{ name: string; bytes: Uint8Array } | null> {
      const charter = kind === 'charter';
      const choice = await dialog.showOpenDialog({ title: charter ? 'Verify a charter' : 'Import workshop', properties: ['openFile'], filters: charter ? CHARTER_FILTERS : FILTERS });
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return null;
      return readBoundedFile(path, maxBytes);
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
