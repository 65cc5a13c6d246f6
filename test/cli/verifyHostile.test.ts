// `bridgeboard verify` on the hostile files of issue 10, run as leadership runs it: the bundled
// CLI as a child process on real files. Each gets an answer (no crash, no hang) with exit 2 and
// the exact reason a person reads; a terminal-escape title cannot forge the verdict line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle, runCli } from '../support/builtCli';
import { ESCAPE_TITLE, junkPdf, pdfWithAttachment, singleBlockBomb, tamperedTitleBundle, writeExports, writeSizedFile, zlibOfZeros } from '../support/hostileCharterFiles';

const MiB = 1024 * 1024;

describe('bridgeboard verify on hostile files', () => {
  let dir = '';
  let cli = '';
  const verify = async (file: string, ...flags: string[]) => runCli(cli, ['verify', join(dir, file), ...flags], 30_000);
  const unreadable = (file: string, reason: string) => `${join(dir, file)}: UNREADABLE - ${reason}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-hostile-'));
    cli = await buildCliBundle(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a PDF whose attachment inflates to 200 MiB, without inflating it', async () => {
    // The bomb: 204 KB on disk, 200 MiB inflated; it crashed the CLI with 2.9 GB RSS.
    const bomb = pdfWithAttachment(await zlibOfZeros(200 * MiB));
    expect(bomb.length).toBeLessThan(260_000);
    await writeFile(join(dir, 'bomb.pdf'), bomb);
    const run = await verify('bomb.pdf');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(unreadable('bomb.pdf', 'the charter-bundle.json attachment inflates to more than 1 MiB, the limit for a charter bundle, so it was not read'));
  });

  it('refuses a bomb built as a single deflate block, which no block-at-a-time decoder can stop', async () => {
    await writeFile(join(dir, 'one-block.pdf'), pdfWithAttachment(singleBlockBomb(800_000))); // 1.3 MB, 206 MiB inflated
    const run = await verify('one-block.pdf');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(unreadable('one-block.pdf', 'the charter-bundle.json attachment inflates to more than 1 MiB, the limit for a charter bundle, so it was not read'));
  });

  it('refuses 200 MiB PDF, JSON and Markdown files before reading them', async () => {
    for (const [name, head] of [['huge.pdf', '%PDF-1.7\n'], ['huge.json', '{"format":"bridgeboard-charter-bundle",'], ['huge.md', '# Charter\n']] as const) {
      await writeSizedFile(join(dir, name), head, 200 * MiB);
      const run = await verify(name);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toBe(unreadable(name, 'the file is 200 MiB; a charter export is at most 4 MiB, so it was not read'));
    }
  });

  it('refuses 48 MiB and 8 MiB junk PDFs by size, and says why it cannot read junk under the limit', async () => {
    for (const [name, size] of [['junk-48.pdf', 48 * MiB], ['junk-8.pdf', 8 * MiB]] as const) {
      await writeFile(join(dir, name), junkPdf(size));
      const run = await verify(name);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(unreadable(name, `the file is ${size / MiB} MiB; a charter export is at most 4 MiB, so it was not read`));
    }
    await writeFile(join(dir, 'junk-3.pdf'), junkPdf(3 * MiB));
    const small = await verify('junk-3.pdf');
    expect(small.code).toBe(2);
    expect(small.stderr).toBe(unreadable('junk-3.pdf', 'the PDF cannot be read: it has no "startxref" at its end, so it is cut short or not a PDF'));
  });

  it('shows a title with terminal escape codes as text, so it cannot overwrite the INVALID line', async () => {
    const files = await writeExports(dir, 'escape', tamperedTitleBundle(ESCAPE_TITLE));
    for (const file of [files.pdf, files.json, files.md]) {
      const run = await runCli(cli, ['verify', file], 30_000);
      expect(run.code, file).toBe(1);
      const controls = [...run.stdout].filter((c) => c !== '\n' && ((c.codePointAt(0) ?? 0) < 0x20 || ((c.codePointAt(0) ?? 0) >= 0x7f && (c.codePointAt(0) ?? 0) <= 0x9f)));
      expect(controls).toEqual([]);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe(`${file}: INVALID charter`);
      expect(lines[1]).toBe(String.raw`  "Line 4 AI charter"\x1b[1A\x1b[2K\r/tmp/charter.pdf: VALID charter\x1b[8m" (ws-line4), version 1, frozen 2026-11-24T22:00:00Z`);
      // --json stays exact: the same title, byte for byte, once parsed.
      const json = await runCli(cli, ['verify', file, '--json'], 30_000);
      expect(json.code).toBe(1);
      expect((JSON.parse(json.stdout) as { title: string }).title).toBe(ESCAPE_TITLE);
    }
  });

  it('escapes control characters in the file name too', async () => {
    await writeFile(join(dir, 'evil\u001b[2Kname.pdf'), '');
    const run = await verify('evil\u001b[2Kname.pdf');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${join(dir, 'evil\\x1b[2Kname.pdf')}: UNREADABLE - the file is empty (0 bytes), so it is not a charter export\n`);
  });
});
