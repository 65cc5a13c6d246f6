// Verifying a charter in the desktop app opens its exports: the native dialog offers PDF, JSON
// and Markdown first (not .bridgeboard workshop files), and a bad request kind is refused at IPC.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileService, type DialogLike } from '../../../electron/main/fileDialogs';
import { contract } from '../../../shared/protocol';

describe('opening a charter export', () => {
  it('offers charter exports in the dialog and reads the chosen file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-open-'));
    await writeFile(join(dir, 'charter.pdf'), '%PDF-1.7');
    const seen: { title: string; extensions: string[] }[] = [];
    const dialog: DialogLike = {
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async (options) => {
        seen.push({ title: options.title, extensions: options.filters[0]?.extensions ?? [] });
        return { canceled: false, filePaths: [join(dir, 'charter.pdf')] };
      },
    };
    const files = createFileService(dialog);
    expect((await files.open('charter'))?.name).toBe('charter.pdf');
    await files.open();
    expect(seen).toEqual([
      { title: 'Verify a charter', extensions: ['pdf', 'json', 'md'] },
      { title: 'Import workshop', extensions: ['bridgeboard'] },
    ]);
  });

  it('accepts only the known kinds over IPC', () => {
    expect(contract['files:open'].request.safeParse({ kind: 'charter' }).success).toBe(true);
    expect(contract['files:open'].request.safeParse({}).success).toBe(true);
    expect(contract['files:open'].request.safeParse({ kind: '../../etc' }).success).toBe(false);
  });
});
