// A peer with the right secret that sends garbage, malformed sync messages, writes to parts of
// the doc we do not have, oversized presence, or text: each time it is dropped, the board does
// not change, the facilitator sees why, and nobody's page breaks.
import { expectNoSeriousViolations } from './fixtures/axe';
import { expect as baseExpect, test } from '@playwright/test';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });
import { parseInvite } from '../../shared/room';
import { IT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, useRoomSuite } from './room/roomHarness';
import { launchHostilePeer, type HostileMessage, type HostilePeer } from './room/hostilePeer';

const room = useRoomSuite();

const CASES: [HostileMessage, RegExp][] = [
  ['garbage', /^A peer was disconnected because it sent (a message of an unknown type \(\d+\)|a message that cannot be decoded)\.$/],
  ['malformed-sync', /^A peer was disconnected because it sent a message that cannot be decoded\.$/],
  ['unknown-root', /^A peer was disconnected because it wrote to a part of the board that does not exist \(at evil\)\.$/],
  ['oversized-presence', /^A peer was disconnected because it sent a presence state that is too large \([\d.]+ kB; the limit is 16 kB\)\.$/],
  // simple-peer hands text over as its UTF-8 bytes: 'h' reads as message type 104.
  ['text', /^A peer was disconnected because it sent a message of an unknown type \(104\)\.$/],
];

test('a hostile peer with the right secret is dropped for every kind of bad message; the board is unchanged', async () => {
  test.setTimeout(180_000);
  const [fac, it] = await Promise.all([room.peer(), room.peer()]);
  const hostile: HostilePeer = await launchHostilePeer();
  room.track(hostile);
  const invite = await hostWorkshop(fac.page, 'Hostile test', room.server().url);
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name]);
  await addTitledCard(fac.page, 'goals', 'Goal', 'Before the attack');
  await expect(cardTitled(it.page, 'Before the attack')).toBeVisible();
  const parsed = parseInvite(invite.code, Date.now());
  if (!parsed.ok) throw new Error(parsed.message);

  for (const [index, [kind, reason]] of CASES.entries()) {
    // A fresh hostile peer each time: one already dropped is muted if it comes back.
    // After a drop both honest peers re-announce; connecting in the middle of that makes
    // simultaneous offers (glare), which y-webrtc resolves slowly. Let it settle first.
    await fac.page.waitForTimeout(1000);
    await hostile.connect(parsed.invite);
    await expect.poll(() => hostile.connectedPeers(), { timeout: 40_000 }).toBe(2);
    await expect(fac.page.getByTestId('room-state')).toHaveText('Online · 2 peers connected');
    expect(await hostile.send(kind)).toBe(2);
    await expect(fac.page.getByTestId('dropped-peers').getByRole('listitem')).toHaveCount(index + 1);
    await expect(fac.page.getByTestId('dropped-peers').getByRole('listitem').nth(index)).toHaveText(reason);
    await expect(fac.page.getByTestId('room-state')).toHaveText('Online · 1 peer connected');
  }

  await expectNoSeriousViolations(fac.page, 'participants panel with dropped peers');
  // The board is what it was, both sides still sync, and nothing threw.
  for (const p of [fac, it]) await expect(p.page.getByTestId('card')).toHaveCount(1);
  await addTitledCard(it.page, 'risks', 'Risk', 'After the attack');
  await expect(cardTitled(fac.page, 'After the attack')).toBeVisible();
  await expectConnected(fac.page, [IT_PERSON.name]);
  // Only the guest drops silently; the panel's list of dropped peers is the facilitator's.
  await expect(it.page.getByTestId('dropped-peers')).toHaveCount(0);
  for (const p of [fac, it]) expect(p.problems).toEqual([]);
});
