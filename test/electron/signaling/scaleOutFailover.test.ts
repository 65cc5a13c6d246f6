// Killing an instance loses no edit. Three `bridgeboard signal --redis` processes share one
// real Redis behind a load balancer without sticky sessions; stock y-webrtc peers connect
// through it. One instance is killed outright: its peer reconnects through the balancer to
// another instance, keeps editing, and a newcomer on a third instance gets every edit from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisMissing, startRedis, type RedisProcess } from './redisProcess';
import { startPeer, type ScriptedPeer } from './scriptedPeer';
import { spawnSignalInstance, type SignalInstance } from './signalInstance';
import { startBalancer, type Balancer } from './tcpBalancer';

let redis: RedisProcess;

describe.skipIf(redisMissing !== undefined)(`failover between signaling instances${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('killing an instance loses no edit: its clients reconnect through another instance and resync', async () => {
    const instances: SignalInstance[] = [];
    const balancers: Balancer[] = [];
    const peers: ScriptedPeer[] = [];
    try {
      const args = ['--redis', redis.url, '--redis-prefix', 'failover:'];
      const [s1, s2, s3] = await Promise.all([spawnSignalInstance(args), spawnSignalInstance(args), spawnSignalInstance(args)]);
      instances.push(s1, s2, s3);
      // The note follows the "listening on" line, possibly in a later chunk of the child's output.
      await expect.poll(() => s1.output(), { timeout: 10_000 }).toContain('sharing rooms through Redis');
      // Where the balancer sends each peer's connections while all are up: Alice to s1 (s3 if
      // it is down), Bob and the newcomer to s2.
      const [toAlice, toBob] = await Promise.all([startBalancer([s1.port, s3.port]), startBalancer([s2.port])]);
      balancers.push(toAlice, toBob);
      const room = { room: 'failover-room', password: 'room secret' };

      const alice = await startPeer({ ...room, signaling: [toAlice.url] });
      const bob = await startPeer({ ...room, signaling: [toBob.url] });
      peers.push(alice, bob);
      alice.type('alice before;');
      bob.type('bob;');
      await alice.waitFor((s) => s.text.includes('bob;') && s.signaling === 1);
      await bob.waitFor((s) => s.text.includes('alice before;'));

      await s1.kill();
      alice.type('alice after;');
      // Alice lost her signaling connection and has it back, through the balancer, on s3.
      await alice.waitFor((s) => s.signalingLost >= 1 && s.signaling === 1, 15_000);
      await bob.waitFor((s) => s.text.includes('alice after;'));

      // Bob leaves; a newcomer on s2 can only get the board from Alice, found through s3,
      // Redis and s2.
      bob.kill();
      const carol = await startPeer({ ...room, signaling: [toBob.url] });
      peers.push(carol);
      const seen = await carol.waitFor((s) => ['alice before;', 'bob;', 'alice after;'].every((t) => s.text.includes(t)), 25_000);
      expect(seen.peers).toBeGreaterThanOrEqual(1);
      expect(seen.text).toBe(alice.state().text);
      expect(s3.output()).toContain('"signaling.listening"');
    } finally {
      for (const p of peers) p.kill();
      for (const b of balancers) await b.close();
      for (const s of instances) await s.kill();
    }
  }, 180_000);

  it('a client given two instances\' URLs keeps signalling through the other when one dies, and loses no edit', async () => {
    const instances: SignalInstance[] = [];
    const peers: ScriptedPeer[] = [];
    try {
      const args = ['--redis', redis.url, '--redis-prefix', 'two-urls:'];
      const [s1, s2, s3] = await Promise.all([spawnSignalInstance(args), spawnSignalInstance(args), spawnSignalInstance(args)]);
      instances.push(s1, s2, s3);
      const room = { room: 'two-urls-room', password: 'room secret' };
      // y-webrtc signals through every URL it is given at once.
      const alice = await startPeer({ ...room, signaling: [s1.url, s2.url] });
      const bob = await startPeer({ ...room, signaling: [s3.url] });
      peers.push(alice, bob);
      alice.type('alice before;');
      bob.type('bob;');
      await alice.waitFor((s) => s.text.includes('bob;'));

      await s1.kill();
      await alice.waitFor((s) => s.signalingLost >= 1 && s.signaling === 1, 15_000);
      alice.type('alice after;');
      await bob.waitFor((s) => s.text.includes('alice after;'));
      // A newcomer on s3 after Bob has left finds Alice through s2 and Redis.
      bob.kill();
      const carol = await startPeer({ ...room, signaling: [s3.url] });
      peers.push(carol);
      const seen = await carol.waitFor((s) => ['alice before;', 'bob;', 'alice after;'].every((t) => s.text.includes(t)), 25_000);
      expect(seen.text).toBe(alice.state().text);
    } finally {
      for (const p of peers) p.kill();
      for (const s of instances) await s.kill();
    }
  }, 180_000);
});
