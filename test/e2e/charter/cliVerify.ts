// Runs the real CLI, `bridgeboard verify FILE`, the way an auditor would, and returns its exit
// code and output, so the e2e tests check an export with the tool leadership gets.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly output: string;
}

export function cliVerify(file: string, ...flags: string[]): CliResult {
  const run = spawnSync('npx', ['tsx', join(root, 'cli', 'bridgeboard.ts'), 'verify', file, ...flags], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}
