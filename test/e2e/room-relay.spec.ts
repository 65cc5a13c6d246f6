// The relay-only path for strict OT networks: the facilitator sets a real coturn (started here
// on 127.0.0.1) as TURN server with relay-only on; the invite carries those settings to the
// joiner; they connect through it, the panel says "relayed", and edits cross.
import { expect as baseExpect, test } from '@playwright/test';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });
import type { SignalingServer } from '../../electron/main/signaling/signalingServer';
import { startTurnServer, turnServerUnavailable, type TurnServer } from '../support/turnServer';
import { FACILITATOR, IT_PERSON, addTitledCard, cardTitled, expectConnected, hostWorkshop, join, launchPeer, startSignaling, type Peer } from './room/roomHarness';

const unavailable = turnServerUnavailable();
test.skip(unavailable !== undefined, unavailable ?? '');

let server: SignalingServer;
let turn: TurnServer;
const peers: Peer[] = [];
test.beforeAll(async () => {
  [server, turn] = await Promise.all([startSignaling(), startTurnServer()]);
});
test.afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await Promise.all([server?.close(), turn?.stop()]);
});

test('relay-only through a real TURN server: connected, shown as relayed, edits cross', async () => {
  // A relayed connection is the slowest to set up; on two busy cores it can take a minute.
  test.setTimeout(180_000);
  const [fac, it] = await Promise.all([launchPeer(), launchPeer()]);
  peers.push(fac, it);
  const ice = { urls: turn.urls.join('\n'), username: turn.username, credential: turn.credential, relayOnly: true };
  const invite = await hostWorkshop(fac.page, 'Relay workshop', server.url, ice);
  // The invite carries the room's TURN settings: the joiner types none of them.
  await it.page.goto(invite.webLink);
  await expect(it.page.getByTestId('invite-ice')).toHaveText(`Network settings come with this invite: ${turn.urls.join(', ')} (relay only).`);
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  // The joiner's own room uses them: its network settings show the TURN server, relay only.
  await it.page.getByTestId('network-settings').click();
  const fields = it.page.getByTestId('ice-settings');
  await expect(fields.getByLabel('Server URLs (one per line)')).toHaveValue(turn.urls.join('\n'));
  await expect(fields.getByRole('checkbox', { name: /Relay only/ })).toBeChecked();
  await it.page.keyboard.press('Escape');
  await expect(fields).toBeHidden();
  await expectConnected(fac.page, [IT_PERSON.name], 'relayed');
  await expectConnected(it.page, [FACILITATOR.name], 'relayed');
  await addTitledCard(it.page, 'risks', 'Risk', 'Vendor VPN into level 2');
  await expect(cardTitled(fac.page, 'Vendor VPN into level 2')).toBeVisible();
  await addTitledCard(fac.page, 'goals', 'Goal', 'Zero unplanned stops');
  await expect(cardTitled(it.page, 'Zero unplanned stops')).toBeVisible();
});
