// Big rooms relay: three people in three browsers running the real app, each allowed one direct
// WebRTC link (localStorage 'bridgeboard.room.meshSize' = '1', the setting docs/rooms.md
// documents). The facilitator and IT get their direct link; OT reaches both through the relay
// on the signaling server, end-to-end encrypted, and everyone's edits and presence cross.
import { expect as baseExpect, test } from '@playwright/test';
import { FACILITATOR, IT_PERSON, OT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, participant, useRoomSuite } from './room/roomHarness';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });

const room = useRoomSuite();

test('with a mesh of one, the third person syncs edits and presence through the relay', async () => {
  test.setTimeout(150_000);
  const [fac, it, ot] = await Promise.all([room.peer(), room.peer(), room.peer()]);
  for (const p of [fac, it, ot]) await p.page.addInitScript(() => localStorage.setItem('bridgeboard.room.meshSize', '1'));
  const invite = await hostWorkshop(fac.page, 'Plant-wide readout', room.server().url);
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name], 'direct');
  await join(ot.page, { code: invite.code }, OT_PERSON);

  // OT has no direct link to anyone: both others are reached via the server, and they see OT so.
  await expectConnected(ot.page, [FACILITATOR.name, IT_PERSON.name], 'via server');
  await expectConnected(fac.page, [OT_PERSON.name], 'via server');
  await expectConnected(it.page, [OT_PERSON.name], 'via server');
  await expect(ot.page.getByTestId('board-title')).toHaveText('Plant-wide readout');
  await expect(ot.page.getByTestId('room-state')).toHaveText('Online · 2 peers connected');

  // Edits from each side reach everyone.
  await addTitledCard(fac.page, 'goals', 'Goal', 'Fewer unplanned stops');
  await addTitledCard(ot.page, 'risks', 'Risk', 'Unpatched HMI');
  await addTitledCard(it.page, 'language', 'Term', 'Purdue level 3.5');
  for (const p of [fac, it, ot]) {
    for (const title of ['Fewer unplanned stops', 'Unpatched HMI', 'Purdue level 3.5']) await expect(cardTitled(p.page, title)).toBeVisible();
  }
  await expect(cardTitled(fac.page, 'Unpatched HMI').getByTestId('card-side')).toHaveText('OT');

  // Presence through the relay: OT focuses a card, the others see where OT is.
  await cardTitled(ot.page, 'Fewer unplanned stops').getByRole('button', { name: 'Fewer unplanned stops' }).focus();
  for (const p of [fac, it]) await expect(participant(p.page, OT_PERSON.name).getByTestId('participant-location')).toHaveText('on “Fewer unplanned stops”');

  // OT goes offline: its goodbye through the relay takes OT off the others' lists.
  await ot.page.getByTestId('go-offline').click();
  // Well before presence would time out (30 s).
  for (const p of [fac, it]) await expect(participant(p.page, OT_PERSON.name).getByTestId('participant-state')).toHaveText('not connected', { timeout: 15_000 });
  for (const p of [fac, it, ot]) expect(p.problems.filter((m) => !/WebSocket|ERR_CONNECTION/.test(m))).toEqual([]);
});
