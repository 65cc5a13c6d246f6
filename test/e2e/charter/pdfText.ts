// The text of one page of a PDF as poppler's pdftotext reads it: what a person sees on that page,
// read by a tool that is not ours.
import { spawnSync } from 'node:child_process';

export function pdfPageText(file: string, page: number): string {
  const run = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}
