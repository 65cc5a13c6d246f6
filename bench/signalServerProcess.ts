// A signaling server in a child process, so a benchmark can read its memory and CPU from /proc
// while the benchmark's own clients load it. It is the real `bridgeboard signal` command with
// its default limits; HOSTILE_BENCH_SERVER=path/to/bridgeboard.ts runs another build instead,
// to compare before and after.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.HOSTILE_BENCH_SERVER ?? path.join(root, 'cli', 'bridgeboard.ts');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Stops it (SIGINT, then SIGKILL after a few seconds) and resolves with its final counters,
   * from the counts-only log line it writes on close. */
  stop(): Promise<Record<string, number>>;
}

export async function spawnSignalServer(extraArgs: readonly string[] = []): Promise<ServerProcess> {
  // Node itself, not the tsx wrapper, so that the pid is the server's.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', cli, 'signal', '--port', '0', '--stats-interval-ms', '0', ...extraArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let finalStats: Record<string, number> = {};
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
    for (const line of output.split('\n')) {
      if (!line.includes('"signaling.closed"')) continue;
      try {
        finalStats = JSON.parse(line) as Record<string, number>;
      } catch {
        // a line still being written
      }
    }
  });
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${output.slice(0, 500)}`)), 30_000);
    const check = () => {
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`server exited: ${output.slice(0, 500)}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
      return finalStats;
    },
  };
}

const clockTicks = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** CPU seconds (user + system) a process has used, or undefined off Linux. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface ProcessLoad {
  readonly peakRssMiB: number | undefined;
  /** CPU time over wall time: 100 is one core fully busy. */
  readonly cpuPercent: number | undefined;
}

/** Samples a process's RSS every `intervalMs` until stopped; CPU is measured over the whole span. */
export function sampleProcess(pid: number, intervalMs = 50): { readonly startRssMiB: number | undefined; stop(): ProcessLoad } {
  const startedAt = performance.now();
  const cpuAtStart = cpuSeconds(pid);
  const startRssMiB = rssMiB(pid);
  let peak = startRssMiB;
  const timer = setInterval(() => {
    const rss = rssMiB(pid);
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  }, intervalMs);
  return {
    startRssMiB,
    stop() {
      clearInterval(timer);
      const rss = rssMiB(pid);
      if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
      const cpuAtEnd = cpuSeconds(pid);
      const seconds = (performance.now() - startedAt) / 1000;
      const cpuPercent = cpuAtStart === undefined || cpuAtEnd === undefined ? undefined : ((cpuAtEnd - cpuAtStart) / seconds) * 100;
      return { peakRssMiB: peak, cpuPercent };
    },
  };
}
