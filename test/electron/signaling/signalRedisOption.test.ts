// `bridgeboard signal --redis URL` as an operator meets it: credentials in the URL work and are
// never printed, a wrong password stops the start with a clear message, and a Redis that is
// not there yet does not stop the instance from serving its own clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSignal } from '../../../cli/signalCommand';
import { signalIo as io } from './signalIo';
import { freePort, redisMissing, startRedis, type RedisProcess } from './redisProcess';
import { connect, eventually } from './wsClient';

let redis: RedisProcess;
const password = 'pw-7f3a9c';

describe.skipIf(redisMissing !== undefined)(`bridgeboard signal --redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    redis = await startRedis(['--requirepass', password]);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('connects with the password in the URL and never prints it', async () => {
    const t = io();
    const done = runSignal(['--port', '0', '--stats-interval-ms', '0', '--redis', `redis://:${password}@127.0.0.1:${redis.port}`], t.io);
    await eventually(() => t.out.some((l) => l.includes('sharing rooms through Redis')), 10_000);
    expect(t.out.join('\n')).toContain(`redis://:***@127.0.0.1:${redis.port}`);
    expect(t.out.join('\n')).toContain('connected');
    expect(t.out.join('\n')).not.toContain(password);
    t.stop();
    expect(await done).toBe(0);
  });

  it('stops with a clear message when Redis refuses the password', async () => {
    const t = io();
    expect(await runSignal(['--port', '0', '--redis', `redis://:not-it@127.0.0.1:${redis.port}`], t.io)).toBe(1);
    expect(t.err[0]).toMatch(/^bridgeboard signal: Redis refused the credentials in the URL/);
    expect(t.err.join('\n')).not.toContain('not-it');
  });

  it('serves its own clients while Redis cannot be reached, and says so', async () => {
    const t = io();
    const done = runSignal(['--port', '0', '--stats-interval-ms', '0', '--redis', `redis://127.0.0.1:${await freePort()}`], t.io);
    await eventually(() => t.out.some((l) => l.includes('listening on')), 10_000);
    expect(t.out.join('\n')).toContain('not reachable yet');
    expect(t.out.some((l) => l.includes('"signaling.bus.down"'))).toBe(true);
    const url = /listening on (ws:\/\/\S+)/.exec(t.out.join('\n'))?.[1] ?? '';
    const [a, b] = await Promise.all([connect(url), connect(url)]);
    a.send({ type: 'subscribe', topics: ['alone'] });
    b.send({ type: 'subscribe', topics: ['alone'] });
    await eventually(() => true);
    const publishing = setInterval(() => a.send({ type: 'publish', topic: 'alone', data: 'still here' }), 50);
    try {
      await b.next((m) => m.data === 'still here');
    } finally {
      clearInterval(publishing);
    }
    t.stop();
    expect(await done).toBe(0);
  });

  it('keeps short codes in the same Redis: a code left through one instance is found through another, never with --no-invite-drop', async () => {
    const url = `redis://:${password}@127.0.0.1:${redis.port}`;
    const runs = [io(), io(), io()];
    const done = [
      runSignal(['--port', '0', '--stats-interval-ms', '0', '--redis', url, '--redis-prefix', 'codes:'], runs[0]!.io),
      runSignal(['--port', '0', '--stats-interval-ms', '0', '--redis', url, '--redis-prefix', 'codes:'], runs[1]!.io),
      runSignal(['--port', '0', '--stats-interval-ms', '0', '--redis', url, '--redis-prefix', 'codes:', '--no-invite-drop'], runs[2]!.io),
    ];
    const urls: string[] = [];
    for (const t of runs) {
      await eventually(() => t.out.some((l) => l.includes('listening on')), 10_000);
      urls.push(/listening on (ws:\/\/\S+)/.exec(t.out.join('\n'))?.[1] ?? '');
    }
    expect(runs[0]!.out.join('\n')).toContain('short codes kept in the same Redis (keys codes:invite:*)');
    expect(runs[2]!.out.join('\n')).not.toContain('short codes kept');
    const [a, b, none] = await Promise.all(urls.map((u) => connect(u)));
    const id = 'AAECAwQFBgcICQoLDA0ODw';
    a!.send({ type: 'invite-put', id, box: 'sealed-box', ttl: 60 });
    expect(await a!.next((m) => m.id === id)).toMatchObject({ type: 'invite-stored', id });
    b!.send({ type: 'invite-get', id });
    expect(await b!.next((m) => m.id === id)).toEqual({ type: 'invite-found', id, box: 'sealed-box' });
    none!.send({ type: 'invite-get', id });
    expect(await none!.next((m) => m.type === 'invite-refused')).toMatchObject({ type: 'invite-refused', reason: 'unavailable' });
    await Promise.all([a!.close(), b!.close(), none!.close()]);
    for (const t of runs) t.stop();
    expect(await Promise.all(done)).toEqual([0, 0, 0]);
    for (const t of runs) expect(t.out.join('\n')).not.toContain(password);
  });
});
