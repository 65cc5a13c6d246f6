// `bridgeboard signal`: argument errors, listening, and clean stops (in-process and on SIGINT).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSignal } from '../../../cli/signalCommand';
import { signalIo as io } from './signalIo';
import { connect, eventually } from './wsClient';

describe('bridgeboard signal', () => {
  const bad: [string, string[]][] = [
    ['unknown option', ['--prot', '1']],
    ['missing value', ['--port']],
    ['port out of range', ['--port', '70000']],
    ['negative port', ['--port', '-1']],
    ['port not a number', ['--port', 'http']],
    ['bad limit', ['--max-connections', '0']],
    ['fractional limit', ['--messages-per-second', '1.5']],
    ['host with a scheme', ['--host', 'ws://x']],
    ['stray argument', ['serve']],
    ['repeated option', ['--port', '1', '--port', '2']],
    ['limit below its minimum', ['--max-message-bytes', '10']],
    ['zero per-address share', ['--max-connections-per-address', '0']],
    ['handshake timeout too short', ['--handshake-timeout-ms', '1']],
    ['proxy header without --behind-proxy', ['--proxy-header', 'forwarded']],
    ['proxy hops without --behind-proxy', ['--proxy-hops', '2']],
    ['unknown proxy header', ['--behind-proxy', '--proxy-header', 'x-real-ip']],
    ['--behind-proxy with a value', ['--behind-proxy=yes']],
    ['--redis not a URL', ['--redis', 'localhost:6379']],
    ['--redis with another scheme', ['--redis', 'http://127.0.0.1:6379']],
    ['--redis-prefix without --redis', ['--redis-prefix', 'plant-a:']],
    ['--redis-prefix with a space', ['--redis', 'redis://127.0.0.1:6379', '--redis-prefix', 'plant a']],
  ];
  it.each(bad)('exits 2 with a clear message on %s', async (_name, argv) => {
    const t = io();
    expect(await runSignal(argv, t.io)).toBe(2);
    expect(t.err[0]).toMatch(/^bridgeboard signal: /);
    expect(t.out).toEqual([]);
  });

  it('prints help', async () => {
    const t = io();
    expect(await runSignal(['--help'], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('--max-connections');
  });

  it('listens, prints its URL, applies limits and stops cleanly', async () => {
    const t = io();
    const done = runSignal(['--host', '127.0.0.1', '--port', '0', '--max-connections', '1', '--stats-interval-ms', '0'], t.io);
    await eventually(() => t.out.some((l) => l.includes('listening on')));
    const url = /listening on (ws:\/\/\S+)/.exec(t.out.join('\n'))?.[1] ?? '';
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const c = await connect(url);
    await expect(connect(url)).rejects.toThrow('HTTP 503');
    t.stop();
    expect(await done).toBe(0);
    expect((await c.closed).code).toBe(1001);
  });

  it('names the flag and the value when a limit is out of range', async () => {
    const t = io();
    expect(await runSignal(['--out-bytes-per-second', '5'], t.io)).toBe(2);
    expect(t.err[0]).toBe('bridgeboard signal: --out-bytes-per-second: expected >=1024, got 5');
  });

  it('trusts X-Forwarded-For for per-address limits only with --behind-proxy', async () => {
    const run = async (extra: string[]) => {
      const t = io();
      const done = runSignal(['--port', '0', '--stats-interval-ms', '0', '--max-connections-per-address', '1', ...extra], t.io);
      await eventually(() => t.out.some((l) => l.includes('listening on')));
      const url = /listening on (ws:\/\/\S+)/.exec(t.out.join('\n'))?.[1] ?? '';
      const from = (client: string) => connect(url, { headers: { 'X-Forwarded-For': client } });
      const first = await from('203.0.113.1');
      const second = await from('203.0.113.2').then((c) => c, (e: unknown) => String(e));
      t.stop();
      expect(await done).toBe(0);
      await first.closed;
      return { second, out: t.out };
    };
    const direct = await run([]);
    expect(direct.second).toContain('HTTP 429');
    const proxied = await run(['--behind-proxy']);
    expect(typeof proxied.second).toBe('object');
    expect(proxied.out.join('\n')).toContain('client addresses from x-forwarded-for, 1 trusted proxy hop(s)');
  });

  it('exits 1 when the port is taken', async () => {
    const first = io();
    const running = runSignal(['--port', '0', '--stats-interval-ms', '0'], first.io);
    await eventually(() => first.out.some((l) => l.includes('listening on')));
    const port = /:(\d+)$/.exec(first.out.find((l) => l.includes('listening on')) ?? '')?.[1] ?? '';
    const second = io();
    expect(await runSignal(['--port', port], second.io)).toBe(1);
    expect(second.err[0]).toContain('EADDRINUSE');
    first.stop();
    expect(await running).toBe(0);
  });

  it('stops on SIGINT as a real process', async () => {
    const script = "import { runSignal } from './cli/signalCommand.ts'; process.exitCode = await runSignal(process.argv.slice(1));";
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', '--port', '0', '--stats-interval-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    try {
      await eventually(() => output.includes('listening on'), 20_000);
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? '';
      const c = await connect(url);
      child.kill('SIGINT');
      const code = await new Promise<number | null>((r) => child.on('exit', (c2) => r(c2)));
      expect(code).toBe(0);
      expect(output).toContain('Stopped.');
      expect((await c.closed).code).toBe(1001);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
