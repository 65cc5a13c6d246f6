// Bundles the crash-test child once (starting a bundled script is ~10x faster than tsx, which
// lets the tests kill it many times) and runs it, collecting the keys it acknowledged.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import * as Y from 'yjs';
import { readWorkshop } from '../../../electron/main/storage/workshopReader';
import { keysIn } from '../../support/schemaKeys';

export async function bundleChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'appendChild.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'appendChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface ChildRun {
  readonly acked: string[];
  readonly output: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** When to SIGKILL the child once it reports ready: after a delay, or as soon as a condition holds. */
export type Kill = number | (() => Promise<boolean>);

/** Runs the child; kills it as `kill` says (never, if undefined). */
export function runChild(script: string, args: string[], kill?: Kill, env: Record<string, string> = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    let errors = '';
    let running = true;
    const poll = (condition: () => Promise<boolean>): void => {
      void condition().then((met) => {
        if (met) child.kill('SIGKILL');
        else if (running) setTimeout(() => poll(condition), 1);
      });
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!output.includes('ready') && chunk.includes('ready')) {
        if (typeof kill === 'number') setTimeout(() => child.kill('SIGKILL'), kill);
        else if (kill !== undefined) poll(kill);
      }
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running = false;
      if (code !== 0 && code !== null) reject(new Error(`child failed (${code}): ${errors}`));
      // Only complete lines count: a line cut off by the kill was never fully reported.
      const acked = output
        .split('\n')
        .slice(0, -1)
        .filter((line) => line.startsWith('ack '))
        .map((line) => line.slice(4));
      resolve({ acked, output, code, signal });
    });
  });
}

/** What a fresh reader sees on disk, without changing anything, as the set of stored keys. */
export async function keysOnDisk(dir: string): Promise<{ keys: Set<string>; skippedBytes: number }> {
  const contents = await readWorkshop(dir);
  const doc = new Y.Doc();
  if (contents.snapshot !== null) Y.applyUpdate(doc, contents.snapshot);
  for (const update of contents.updates) Y.applyUpdate(doc, update);
  return { keys: new Set(keysIn(doc)), skippedBytes: contents.skippedBytes };
}
