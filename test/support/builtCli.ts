// The bridgeboard CLI as leadership gets it: bundled by esbuild into one file, with the options
// of scripts/buildCli.mjs, but into a folder of the caller's so a test run never touches
// dist-cli/. Tests and benchmarks run it as a child process, as an auditor would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

export async function buildCliBundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'bridgeboard.cjs');
  await build({ entryPoints: [join(root, 'cli', 'bridgeboard.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return outfile;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Peak resident memory of the CLI process (VmHWM), in MB, where /proc has it. */
  readonly peakMb: number | null;
  /** CPU time (user + system) the CLI used, which other load on the machine does not inflate. */
  readonly cpuMs: number | null;
}

/** VmHWM (peak resident memory) of a live process in kB, or null where /proc cannot tell. */
function highWaterMark(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The CLI from source, for when the bundle cannot be built: run through tsx. */
export const SOURCE_CLI = join(root, 'cli', 'bridgeboard.ts');

/**
 * Runs `node cli args…` (a .cjs bundle, or the .ts source through tsx) and measures it: the peak
 * RSS is polled from /proc while it runs (so a process that dies still has a figure), and read
 * once more by the CLI itself as it exits.
 */
export function runCli(cli: string, args: readonly string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const onExit =
      "process.on('exit',()=>{const c=process.cpuUsage();let m=null;try{m=/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))}catch{}" +
      "process.stderr.write('\\n@@peak '+(m?m[1]:'-')+' '+(c.user+c.system)+'\\n')});";
    // With -e, process.argv is [node, cli, ...args], just as when node runs the file itself.
    const load = cli.endsWith('.ts') ? ['--import', 'tsx', '-e', `${onExit}import(${JSON.stringify(pathToFileURL(cli).href)})`] : ['-e', `${onExit}require(${JSON.stringify(cli)})`];
    const child = spawn(process.execPath, [...load, cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polled: number | null = null;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const poll = setInterval(() => (polled = highWaterMark(child.pid) ?? polled), 25);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const peak = /\n@@peak (\d+|-) (\d+)\n$/.exec(stderr);
      const kb = peak && peak[1] !== '-' ? Number(peak[1]) : polled;
      const cpuMs = peak ? Number(peak[2]) / 1000 : null;
      resolve({ code, signal, stdout, stderr: peak ? stderr.slice(0, peak.index) : stderr, ms: performance.now() - started, peakMb: kb === null ? null : kb / 1024, cpuMs });
    });
  });
}
