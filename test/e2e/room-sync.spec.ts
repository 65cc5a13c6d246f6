// Rooms end to end with real WebRTC between separate Chromium processes and the real signaling
// server: a facilitator and an IT and an OT participant see each other's edits and presence;
// the wrong secret gets nothing; offline edits merge on reconnect; a late joiner gets it all.
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test } from '@playwright/test';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });
import { createInvite, formatInviteCode, parseInvite } from '../../shared/room';
import {
  FACILITATOR, IT_PERSON, OT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, participant, useRoomSuite,
} from './room/roomHarness';

test.describe.configure({ mode: 'serial' });

const room = useRoomSuite();
test('three people in three browsers see each other’s edits, presence and connections; the wrong secret sees nothing', async () => {
  test.setTimeout(120_000);
  const [fac, it, ot] = await Promise.all([room.peer(), room.peer(), room.peer()]);
  const invite = await hostWorkshop(fac.page, 'Line 4 AI rollout', room.server().url);
  expect(invite.webLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/join\/[0-9A-Z]+$/);

  // IT joins by the web link, OT by typing the code.
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  await join(ot.page, { code: invite.code }, OT_PERSON);

  // Everyone sees the board's title and a live, direct connection to the other two.
  for (const p of [it, ot]) await expect(p.page.getByTestId('board-title')).toHaveText('Line 4 AI rollout');
  await expectConnected(fac.page, [IT_PERSON.name, OT_PERSON.name]);
  await expectConnected(it.page, [FACILITATOR.name, OT_PERSON.name]);
  await expectConnected(ot.page, [FACILITATOR.name, IT_PERSON.name]);
  await expect(participant(fac.page, IT_PERSON.name)).toContainText('IT');
  await expect(participant(fac.page, IT_PERSON.name)).toContainText('Network architect');
  await expect(participant(fac.page, OT_PERSON.name).getByTestId('participant-rtt')).toContainText(/\d+ ms/);
  await expect(fac.page.getByTestId('room-state')).toHaveText('Online · 2 peers connected');

  // Edits from each side show up everywhere.
  await addTitledCard(fac.page, 'goals', 'Goal', 'Fewer unplanned stops');
  await addTitledCard(it.page, 'risks', 'Risk', 'Vendor remote access');
  await addTitledCard(ot.page, 'language', 'Term', 'Purdue level 3.5');
  for (const p of [fac, it, ot]) {
    for (const title of ['Fewer unplanned stops', 'Vendor remote access', 'Purdue level 3.5']) await expect(cardTitled(p.page, title)).toBeVisible();
  }
  await expect(cardTitled(fac.page, 'Vendor remote access').getByTestId('card-side')).toHaveText('IT');

  // Presence: OT focuses a card; the others see OT's marker on it and where OT is.
  await cardTitled(ot.page, 'Vendor remote access').getByRole('button', { name: 'Vendor remote access' }).focus();
  for (const p of [fac, it]) {
    await expect(cardTitled(p.page, 'Vendor remote access').getByTestId('card-presence')).toContainText(OT_PERSON.name);
    await expect(participant(p.page, OT_PERSON.name).getByTestId('participant-location')).toHaveText('on “Vendor remote access”');
  }

  // A browser with the right workshop but the wrong secret: it finds nobody, gets nothing, and
  // its card never reaches the room.
  const parsed = parseInvite(invite.code, Date.now());
  if (!parsed.ok) throw new Error(parsed.message);
  const wrong = createInvite({ workshopId: parsed.invite.workshopId, signaling: parsed.invite.signaling });
  const intruder = await room.peer();
  expect(wrong.secret).not.toBe(parsed.invite.secret);
  await join(intruder.page, { code: formatInviteCode(wrong) }, { name: 'Mallory', side: 'IT', role: 'Intruder' });
  await addTitledCard(intruder.page, 'parking', 'Item', 'Intruder was here');
  await expect(intruder.page.getByTestId('room-state')).toHaveText('Online · 0 peers connected');
  // Several signaling rounds: time enough for a connection, had one been possible.
  await fac.page.waitForTimeout(3000);
  await expect(intruder.page.getByTestId('card')).toHaveCount(1);
  await expect(intruder.page.getByTestId('room-state')).toHaveText('Online · 0 peers connected');
  for (const p of [fac, it, ot]) {
    await expect(cardTitled(p.page, 'Intruder was here')).toHaveCount(0);
    await expect(participant(p.page, 'Mallory')).toHaveCount(0);
    await expect(p.page.getByTestId('room-state')).toHaveText('Online · 2 peers connected');
  }
  await intruder.close();

  // OT goes offline; both sides edit; OT reconnects and everyone converges.
  await ot.page.getByTestId('go-offline').click();
  await expect(ot.page.getByTestId('room-state')).toContainText('Offline');
  await expect(participant(fac.page, OT_PERSON.name).getByTestId('participant-state')).toHaveText('not connected');
  await addTitledCard(ot.page, 'skills', 'Skill gap', 'PLC basics for IT');
  await addTitledCard(it.page, 'incentives', 'Incentive', 'Shared uptime bonus');
  await fac.page.waitForTimeout(1000);
  await expect(cardTitled(fac.page, 'PLC basics for IT')).toHaveCount(0);
  await expect(cardTitled(ot.page, 'Shared uptime bonus')).toHaveCount(0);
  await ot.page.getByTestId('reconnect').click();
  await expectConnected(ot.page, [FACILITATOR.name, IT_PERSON.name]);
  for (const p of [fac, it, ot]) {
    await expect(cardTitled(p.page, 'PLC basics for IT')).toBeVisible();
    await expect(cardTitled(p.page, 'Shared uptime bonus')).toBeVisible();
    await expect(p.page.getByTestId('card')).toHaveCount(5);
  }

  // A late joiner gets the full board, and everyone's roster lists four people.
  const late = await room.peer();
  await join(late.page, { webLink: invite.webLink }, { name: 'Lena Late', side: 'OT', role: 'Maintenance lead' });
  await expectConnected(late.page, [FACILITATOR.name, IT_PERSON.name, OT_PERSON.name]);
  await expect(late.page.getByTestId('card')).toHaveCount(5);
  for (const title of ['Fewer unplanned stops', 'Vendor remote access', 'Purdue level 3.5', 'PLC basics for IT', 'Shared uptime bonus']) {
    await expect(cardTitled(late.page, title)).toBeVisible();
  }
  await expect(fac.page.getByTestId('participant')).toHaveCount(4);

  // The exported workshop file carries the board and the roster, never the room secret.
  const download = fac.page.waitForEvent('download');
  await fac.page.getByTestId('export-workshop').click();
  const bytes = readFileSync((await (await download).path()) ?? '');
  expect(bytes.includes('Vendor remote access')).toBe(true);
  expect(bytes.includes('Network architect')).toBe(true);
  expect(bytes.includes(parsed.invite.secret)).toBe(false);

  for (const p of [fac, it, ot, late]) expect(p.problems).toEqual([]);
});
