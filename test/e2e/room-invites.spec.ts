// Joining from invites a user might get wrong, and a room that cannot be reached: each gets a
// plain sentence, and the board stays usable.
import { createServer } from 'node:net';
import { expect as baseExpect, test } from '@playwright/test';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });
import { createInvite, formatInviteCode, formatInviteWebLink } from '../../shared/room';
import { addTitledCard, cardTitled, join, launchPeer, type Peer } from './room/roomHarness';

const WORKSHOP = '0f8fad5b-d9cb-469f-a165-70867728950e';
let peer: Peer;
test.beforeAll(async () => {
  peer = await launchPeer();
});
test.afterAll(async () => {
  await peer.close();
});

/** A loopback port nothing listens on: taken and released again. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const origin = () => (test.info().project.use.baseURL ?? '').replace(/\/$/, '');

test('malformed, tampered and expired invites each say what is wrong', async () => {
  const { page } = peer;
  const good = createInvite({ workshopId: WORKSHOP, signaling: ['ws://127.0.0.1:9'] });
  const code = formatInviteCode(good);

  await page.goto('./#/join/not-an-invite');
  await expect(page.getByTestId('invite-error')).toHaveText('This is not a Bridgeboard invite, or part of it is missing.');

  // One character changed: the checksum catches it.
  const chars = code.replace(/-/g, '');
  const at = 20;
  const swapped = chars.slice(0, at) + (chars[at] === 'A' ? 'B' : 'A') + chars.slice(at + 1);
  await page.goto(`./#/join/${swapped}`);
  await expect(page.getByTestId('invite-error')).toHaveText(/does not check out: a character was mistyped or changed/);

  const expired = createInvite({ workshopId: WORKSHOP, signaling: ['ws://127.0.0.1:9'], expiresAt: Date.now() - 60_000 });
  await page.goto(formatInviteWebLink(expired, origin()));
  await expect(page.getByTestId('invite-error')).toHaveText('This invite has expired. Ask the facilitator for a new one.');

  // Pasted on the join page: refused on submit, nothing is created.
  await page.goto('./#/join');
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await form.getByLabel('Invite link or code').fill('javascript:alert(1)');
  await form.getByLabel('Your name').fill('Ivan IT');
  await form.getByRole('button', { name: 'Join workshop' }).click();
  await expect(form.getByTestId('invite-error')).toHaveText('This is not a Bridgeboard invite, or part of it is missing.');
  await expect(page).toHaveURL(/#\/join$/);
  expect(peer.problems).toEqual([]);
});

test('a room whose signaling server does not answer shows a banner; edits stay on this device', async () => {
  const { page } = peer;
  const url = `ws://127.0.0.1:${await closedPort()}`;
  const invite = createInvite({ workshopId: WORKSHOP, signaling: [url] });
  await join(page, { webLink: formatInviteWebLink(invite, origin()) }, { name: 'Ivan IT', side: 'IT', role: 'Network architect' });
  await expect(page.getByTestId('room-unreachable')).toContainText(`The room cannot be reached: no answer from ${url}.`);
  await addTitledCard(page, 'goals', 'Goal', 'Kept while unreachable');
  await page.reload();
  await expect(cardTitled(page, 'Kept while unreachable')).toBeVisible();
  // The room is joined again after the reload, and still cannot be reached.
  await expect(page.getByTestId('room-unreachable')).toBeVisible();
});
