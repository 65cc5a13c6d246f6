// A room whose mesh is not complete: a change still reaches a person with no working link to its
// author, forwarded by someone linked to both. Bridgeboard forwards a peer's changes a moment
// after showing them, never back to their source (renderer/src/features/room/peerRelay.ts);
// this checks that the forwarding that remains is the path that works. The author is a scripted
// peer that the IT participant's app has muted (it sent that app garbage), so nothing it sends
// to them directly is read; its card must come through the facilitator's app.
import { expect as baseExpect, test } from '@playwright/test';
import { parseInvite } from '../../shared/room';
import { FACILITATOR, IT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, useRoomSuite } from './room/roomHarness';
import { launchHostilePeer } from './room/hostilePeer';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });

const room = useRoomSuite();

test('a change reaches a person with no working link to its author, through someone linked to both', async () => {
  test.setTimeout(180_000);
  const [fac, it] = await Promise.all([room.peer(), room.peer()]);
  const author = await launchHostilePeer();
  room.track(author);
  const invite = await hostWorkshop(fac.page, 'Partial mesh', room.server().url);
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name]);
  await addTitledCard(fac.page, 'goals', 'Goal', 'Before');
  const parsed = parseInvite(invite.code, Date.now());
  if (!parsed.ok) throw new Error(parsed.message);
  await fac.page.waitForTimeout(1000);
  await author.connect(parsed.invite);
  await expect.poll(() => author.connectedPeers(), { timeout: 40_000 }).toBe(2);
  await expect.poll(() => author.cardCount()).toBe(1);

  // Only the IT participant's app drops the author, and mutes it if it comes back.
  await expect.poll(() => author.sendTo(IT_PERSON.name, 'garbage')).toBe(true);
  await expect(it.page.getByTestId('room-state')).toHaveText('Online · 1 peer connected');
  await expectConnected(it.page, [FACILITATOR.name]);

  // The author's card: the facilitator gets it directly, the IT participant only through them.
  await author.addCard('Forwarded to IT');
  await expect(cardTitled(fac.page, 'Forwarded to IT')).toBeVisible();
  await expect(cardTitled(it.page, 'Forwarded to IT')).toBeVisible();
  // And the honest pair still syncs both ways.
  await addTitledCard(it.page, 'risks', 'Risk', 'From IT');
  await expect(cardTitled(fac.page, 'From IT')).toBeVisible();
  for (const p of [fac, it]) {
    await expect(p.page.getByTestId('card')).toHaveCount(3);
    expect(p.problems).toEqual([]);
  }
});
