// Export and import through (fake) native dialogs onto real files.
import { mkdtemp, readFile, rm, truncate, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../electron/main/codedError';
import { createFileService, saveDialogFor } from '../../electron/main/fileDialogs';
import type { DialogLike } from '../../electron/main/fileDialogs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bb-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function dialogChoosing(path: string | null): DialogLike & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    showSaveDialog: async (options) => {
      asked.push(options.defaultPath);
      return path === null ? { canceled: true } : { canceled: false, filePath: path };
    },
    showOpenDialog: async () => (path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] }),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof CodedError ? `${error.code}: ${error.message}` : `other: ${String(error)}`),
  );
}

describe('file service', () => {
  it('saves and opens the exact bytes', async () => {
    const path = join(dir, 'line4.bridgeboard');
    const files = createFileService(dialogChoosing(path));
    const bytes = new Uint8Array([1, 2, 3, 250]);
    expect(await files.save('line4.bridgeboard', bytes)).toBe(true);
    expect([...(await readFile(path))]).toEqual([1, 2, 3, 250]);
    const opened = await files.open();
    expect(opened?.name).toBe('line4.bridgeboard');
    expect([...(opened?.bytes ?? [])]).toEqual([1, 2, 3, 250]);
  });

  it('reports cancel as false / null', async () => {
    const files = createFileService(dialogChoosing(null));
    expect(await files.save('x.bridgeboard', new Uint8Array([1]))).toBe(false);
    expect(await files.open()).toBeNull();
  });

  it('refuses files over the limit, on save and on open', async () => {
    const path = join(dir, 'big.bridgeboard');
    await writeFile(path, '');
    await truncate(path, 2048);
    const files = createFileService(dialogChoosing(path), 1024);
    expect(await codeOf(files.save('big.bridgeboard', new Uint8Array(1025)))).toMatch(/^too-large: .*limit/);
    expect(await codeOf(files.open())).toMatch(/^too-large: big\.bridgeboard is/);
  });

  it('explains what went wrong reading or writing', async () => {
    await mkdir(join(dir, 'folder.bridgeboard'));
    expect(await codeOf(createFileService(dialogChoosing(join(dir, 'missing.bridgeboard'))).open())).toMatch(/^storage-failed: Could not read missing\.bridgeboard: the file or folder does not exist/);
    expect(await codeOf(createFileService(dialogChoosing(join(dir, 'folder.bridgeboard'))).open())).toMatch(/^invalid-request: folder\.bridgeboard is not a file/);
    expect(await codeOf(createFileService(dialogChoosing(join(dir, 'no', 'such', 'x.bridgeboard'))).save('x', new Uint8Array([1])))).toMatch(
      /^storage-failed: Could not save x\.bridgeboard/,
    );
  });

  it('offers the kind of file the suggested name is, so the dialog does not add another extension', () => {
    expect(saveDialogFor('line-4.bridgeboard').filters[0]).toEqual({ name: 'Bridgeboard workshop', extensions: ['bridgeboard'] });
    expect(saveDialogFor('line-4-minutes.pdf')).toEqual({ title: 'Export PDF', filters: [{ name: 'PDF document', extensions: ['pdf'] }, { name: 'All files', extensions: ['*'] }] });
    expect(saveDialogFor('line-4-minutes.CSV').filters[0]).toEqual({ name: 'CSV (spreadsheet)', extensions: ['csv'] });
    expect(saveDialogFor('line-4-minutes.md').filters[0]?.extensions).toEqual(['md']);
    expect(saveDialogFor('no extension').filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
