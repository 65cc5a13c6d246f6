// Scale-out with real browsers: two signaling instances share rooms through one real Redis
// (started here). The facilitator's browser signals through one instance, the participant's
// through the other; they connect over WebRTC, and each sees the other's cards.
import { expect as baseExpect, test } from '@playwright/test';
import { busLimitsFor } from '../../electron/main/signaling/signalingBus';
import { resolveSignalingLimits } from '../../electron/main/signaling/signalingLimits';
import { createRedisBus } from '../../electron/main/signaling/redisBus';
import { startSignalingServer, type SignalingServer } from '../../electron/main/signaling/signalingServer';
import { formatInviteCode, parseInvite } from '../../shared/room';
import { redisMissing, startRedis, type RedisProcess } from '../electron/signaling/redisProcess';
import { FACILITATOR, IT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, launchPeer, type Peer } from './room/roomHarness';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });

test.describe.configure({ mode: 'serial' });
test.skip(redisMissing !== undefined, redisMissing ?? '');

let redis: RedisProcess | undefined;
const instances: SignalingServer[] = [];
const peers: Peer[] = [];

async function instance(url: string): Promise<SignalingServer> {
  const limits = resolveSignalingLimits({});
  const bus = await createRedisBus({ url, prefix: 'e2e:', limits: busLimitsFor(limits.maxMessageBytes, limits.maxTopicLength), maxTopicLength: limits.maxTopicLength, log: { info() {}, warn() {} } });
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0, bus });
  instances.push(server);
  return server;
}

test.beforeAll(async () => {
  redis = await startRedis();
});
test.afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  for (const s of instances) await s.close();
  await redis?.stop();
});

test('two browsers signalling through two instances that share one Redis edit together', async () => {
  test.setTimeout(120_000);
  if (!redis) throw new Error('redis did not start');
  const [first, second] = await Promise.all([instance(redis.url), instance(redis.url)]);
  const [fac, it] = await Promise.all([launchPeer(), launchPeer()]);
  peers.push(fac, it);

  const invite = await hostWorkshop(fac.page, 'Plant-wide session', first.url);
  // The same room (workshop and secret), reached through the other instance: as if a load
  // balancer had sent this participant there.
  const parsed = parseInvite(invite.code, Date.now());
  if (!parsed.ok) throw new Error(parsed.message);
  expect(parsed.invite.signaling).toEqual([first.url]);
  await join(it.page, { code: formatInviteCode({ ...parsed.invite, signaling: [second.url] }) }, IT_PERSON);

  await expect(it.page.getByTestId('board-title')).toHaveText('Plant-wide session');
  await expectConnected(fac.page, [IT_PERSON.name]);
  await expectConnected(it.page, [FACILITATOR.name]);
  await addTitledCard(fac.page, 'goals', 'Goal', 'One data historian for all lines');
  await addTitledCard(it.page, 'risks', 'Risk', 'Historian in the OT DMZ');
  for (const p of [fac, it]) {
    await expect(cardTitled(p.page, 'One data historian for all lines')).toBeVisible();
    await expect(cardTitled(p.page, 'Historian in the OT DMZ')).toBeVisible();
  }
  // Each browser signalled through its own instance only; they met through Redis.
  expect(first.stats().connections).toBe(1);
  expect(second.stats().connections).toBe(1);
  expect(first.stats().bus.received).toBeGreaterThan(0);
  expect(second.stats().bus.received).toBeGreaterThan(0);
});
