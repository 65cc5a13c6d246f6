// A peer that holds the room secret and writes what the document schema does not allow (a card
// that is a string, a number, null or text; a field that is an object; every card, the roster
// and the charter removed; thousands of concurrent writes to one field; deletions of edits not
// made yet) is dropped by every browser with the reason, and the board, a reload and later edits
// keep working. What the schema does allow, an erase by marking every card deleted, is undone
// from the history in two clicks, in every browser, and a reload keeps it.
import { expect as baseExpect, test } from '@playwright/test';
import { parseInvite } from '../../shared/room';
import { IT_PERSON, OT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, useRoomSuite, type Peer } from './room/roomHarness';
import { launchHostilePeer, type HostileChange, type HostilePeer } from './room/hostilePeer';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });

test.describe.configure({ mode: 'serial' });
const room = useRoomSuite();

const REFUSED: [HostileChange, RegExp][] = [
  ['card-as-string', /because it sent a change that does not fit the board’s structure \(at cards › /],
  ['card-as-number', /because it sent a change that does not fit the board’s structure \(at cards › /],
  ['card-as-null', /because it sent a change that does not fit the board’s structure \(at cards › /],
  ['card-as-text', /because it sent a change that does not fit the board’s structure \(at cards › /],
  ['field-as-object', /because it sent a change that does not fit the board’s structure \(at cards › .* › fields › title\)/],
  ['hard-erase', /because it changed or removed an entry that never changes once written \(at cards › .*\)/],
  ['concurrent-writes', /because it sent more changes at once than the board accepts \(at cards › .*\)/],
  ['future-deletes', /because it sent changes in someone else’s name|because it sent more changes at once than the board accepts/],
];

async function threeInARoom(title: string): Promise<{ fac: Peer; it: Peer; ot: Peer; invite: { workshopId: string; secret: string; signaling: readonly string[] } }> {
  const [fac, it, ot] = await Promise.all([room.peer(), room.peer(), room.peer()]);
  const link = await hostWorkshop(fac.page, title, room.server().url);
  await join(it.page, { webLink: link.webLink }, IT_PERSON);
  await join(ot.page, { webLink: link.webLink }, OT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name, OT_PERSON.name]);
  const parsed = parseInvite(link.code, Date.now());
  if (!parsed.ok) throw new Error(parsed.message);
  return { fac, it, ot, invite: parsed.invite };
}

async function hostileIn(hostile: HostilePeer, invite: { workshopId: string; secret: string; signaling: readonly string[] }, cards: number, peers: number): Promise<void> {
  await hostile.connect(invite);
  await expect.poll(() => hostile.connectedPeers(), { timeout: 40_000 }).toBe(peers);
  // It has the board, as anyone in the room would.
  await expect.poll(() => hostile.cardCount(), { timeout: 20_000 }).toBe(cards);
}

test('every change the schema refuses gets its sender dropped everywhere; the board, a reload and later edits keep working', async () => {
  test.setTimeout(300_000);
  const { fac, it, ot, invite } = await threeInARoom('Schema under attack');
  await addTitledCard(fac.page, 'goals', 'Goal', 'Keep line 4 running');
  await addTitledCard(it.page, 'risks', 'Risk', 'Vendor remote access');
  for (const p of [fac, it, ot]) await expect(p.page.getByTestId('card')).toHaveCount(2);
  const hostile = await launchHostilePeer();
  room.track(hostile);

  for (const [index, [kind, reason]] of REFUSED.entries()) {
    // After a drop both honest peers re-announce; let that settle before the next one connects.
    await fac.page.waitForTimeout(1000);
    await hostileIn(hostile, invite, 2, 3);
    expect(await hostile.change(kind)).toBe(3);
    const dropped = fac.page.getByTestId('dropped-peers').getByRole('listitem');
    await expect(dropped).toHaveCount(index + 1);
    await expect(dropped.nth(index)).toHaveText(reason);
    for (const p of [fac, it, ot]) {
      await expect(p.page.getByTestId('card')).toHaveCount(2);
      await expect(cardTitled(p.page, 'Keep line 4 running')).toBeVisible();
      await expect(p.page.getByTestId('board-problems')).toHaveCount(0);
    }
  }

  // A reload reads the same board, and the room goes on.
  await ot.page.reload();
  await expect(ot.page.getByTestId('card')).toHaveCount(2);
  await addTitledCard(ot.page, 'language', 'Term', 'Purdue level 3.5');
  for (const p of [fac, it]) await expect(cardTitled(p.page, 'Purdue level 3.5')).toBeVisible();
  for (const p of [fac, it, ot]) expect(p.problems).toEqual([]);
});

test('an erase the schema allows is undone from the history in two clicks, in every browser, and a reload keeps it', async () => {
  test.setTimeout(240_000);
  const { fac, it, ot, invite } = await threeInARoom('Erased and restored');
  const titles = ['Keep line 4 running', 'Vendor remote access', 'Purdue level 3.5'];
  await addTitledCard(fac.page, 'goals', 'Goal', titles[0] ?? '');
  await addTitledCard(it.page, 'risks', 'Risk', titles[1] ?? '');
  await addTitledCard(ot.page, 'language', 'Term', titles[2] ?? '');
  for (const p of [fac, it, ot]) await expect(p.page.getByTestId('card')).toHaveCount(3);

  const hostile = await launchHostilePeer();
  room.track(hostile);
  await hostileIn(hostile, invite, 3, 3);
  await hostile.change('soft-erase');
  for (const p of [fac, it, ot]) {
    await expect(p.page.getByTestId('card')).toHaveCount(0);
    await expect(p.page.getByTestId('board-title')).toHaveText('Erased');
  }

  // Click one: the history. Its newest entry is the erase, by someone not on the roster.
  await fac.page.getByTestId('open-history').click();
  const newest = fac.page.getByTestId('history-entry').first();
  await expect(newest.getByTestId('history-summary')).toHaveText('deleted 3 cards, renamed the workshop, charter: 1 change');
  await expect(newest).toContainText('someone not on the roster');
  // Click two: back to just before it.
  await newest.getByTestId('history-restore').click();
  await expect(fac.page.getByText(/Board restored to before/)).toBeVisible();

  for (const p of [fac, it, ot]) {
    await expect(p.page.getByTestId('board-title')).toHaveText('Erased and restored');
    for (const title of titles) await expect(cardTitled(p.page, title)).toBeVisible();
  }
  await it.page.reload();
  await expect(it.page.getByTestId('board-title')).toHaveText('Erased and restored');
  for (const title of titles) await expect(cardTitled(it.page, title)).toBeVisible();

  // The restore is itself in the history, as the facilitator's, and can be looked at.
  await fac.page.getByTestId('history-panel').getByRole('button', { name: 'Close' }).click();
  await fac.page.getByTestId('open-history').click();
  const restore = fac.page.getByTestId('history-entry').first();
  await expect(restore).toHaveAttribute('data-kind', 'restore');
  await expect(restore).toContainText('you');
  await fac.page.getByTestId('history-entry').nth(1).getByTestId('history-view').click();
  await expect(fac.page.getByTestId('board-preview').getByTestId('preview-card')).toHaveCount(0);
  for (const p of [fac, it, ot]) expect(p.problems).toEqual([]);
});
