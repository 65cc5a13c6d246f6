// Test helper: `bridgeboard signal` in a child process of its own, so a test can kill it the
// way an instance dies (SIGKILL: no goodbye to its clients).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(root, 'cli', 'bridgeboard.ts');

export interface SignalInstance {
  readonly url: string;
  readonly port: number;
  /** Everything it printed so far. */
  output(): string;
  kill(): Promise<void>;
}

export async function spawnSignalInstance(args: readonly string[]): Promise<SignalInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'signal', '--port', '0', '--stats-interval-ms', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`signal did not start: ${output.slice(-500)}`)), 60_000);
    const check = () => {
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`signal exited: ${output.slice(-500)}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
