// The first hour (issue 15, point 1): the profile asks name, side and role once, and rooms use
// them without asking again; someone holding an invite joins from the very first screen, or by
// opening the web link on a first visit, saying who they are once, with the invite.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { expectConnected, participant, useRoomSuite } from './room/roomHarness';

// Several Chromiums share two cores with whatever else runs: generous waits, same assertions.
const expect = baseExpect.configure({ timeout: 20_000 });

const suite = useRoomSuite();
let invite: { webLink: string; code: string };

const roleOf = (page: Page, name: string) => participant(page, name).locator('.participant-role');

test('the role given at first run is the facilitator’s role in the room; opening the room does not ask it again', async () => {
  const fac = await suite.peer();
  const { page } = fac;
  await page.goto('./');
  const welcome = page.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
  await welcome.getByLabel('Your name').fill('Fiona Facilitator');
  await welcome.getByRole('radio', { name: 'Neutral', exact: true }).check();
  await expectNoSeriousViolations(page, 'welcome dialog', '[data-testid="profile-dialog"]');
  await welcome.getByLabel('Your role').fill('Plant manager');
  await welcome.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();

  await page.getByLabel('New workshop title').fill('Line 4 kickoff');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByTestId('open-room').click();
  const dialog = page.getByTestId('open-room-dialog');
  // Who the facilitator is comes from the profile, in one line, not as questions.
  await expect(dialog.getByTestId('member-summary')).toContainText('You take part as Fiona Facilitator · Neutral · Plant manager');
  await expect(dialog.getByLabel('Your role')).toHaveCount(0);
  await expect(dialog.getByLabel('Your name')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'open-room dialog', '[data-testid="open-room-dialog"]');
  await dialog.getByLabel('Signaling server address').fill(suite.server().url);
  await dialog.getByRole('button', { name: 'Open room' }).click();
  const inviteDialog = page.getByTestId('invite-dialog');
  await expect(inviteDialog).toBeVisible();
  invite = { webLink: await inviteDialog.getByTestId('invite-web-link').inputValue(), code: await inviteDialog.getByTestId('invite-code').inputValue() };
  await inviteDialog.getByRole('button', { name: 'Done' }).click();

  await expect(roleOf(page, 'Fiona Facilitator')).toHaveText('Plant manager');
  // The stored side for Neutral stays 'facilitator' (a badge class, not a word).
  await expect(participant(page, 'Fiona Facilitator').locator('.badge')).toHaveClass(/side-facilitator/);
  expect(fac.problems).toEqual([]);
});

test('a fresh browser opening the web link goes straight to joining, and says who it is once', async () => {
  const it = await suite.peer();
  const { page } = it;
  await page.goto(invite.webLink);
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await expect(form).toBeVisible();
  // No profile dialog in front of it: the join page asks the same, once.
  await expect(page.getByRole('dialog', { name: 'Welcome to Bridgeboard' })).toHaveCount(0);
  await expect(page.getByTestId('join-first-visit')).toBeVisible();
  await expectNoSeriousViolations(page, 'join page on a first visit');
  await form.getByLabel('Your name').fill('Ivan IT');
  await form.getByRole('radio', { name: 'IT', exact: true }).check();
  await form.getByLabel('Your role').fill('Network architect');
  await form.getByRole('button', { name: 'Join workshop' }).click();
  await expect(page.getByTestId('board')).toBeVisible();

  // That became the profile: the top bar says so, and nothing asks again.
  await expect(page.getByTestId('profile-button')).toHaveText('Ivan IT · IT');
  await expect(roleOf(page, 'Ivan IT')).toHaveText('Network architect');
  const fac = suite.peers[0]!.page;
  await expectConnected(fac, ['Ivan IT']);
  await expect(roleOf(fac, 'Ivan IT')).toHaveText('Network architect');
  await expect(roleOf(page, 'Fiona Facilitator')).toHaveText('Plant manager');

  // A second invite on this device: the join form shows who it is, changeable, not asked.
  await page.goto('./#/join');
  await expect(form.getByTestId('member-summary')).toContainText('You take part as Ivan IT · IT · Network architect');
  await expect(form.getByLabel('Your name')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'join page with a profile');
  await form.getByTestId('member-change').click();
  await expect(form.getByLabel('Your name')).toHaveValue('Ivan IT');
  await expect(form.getByLabel('Your role')).toHaveValue('Network architect');
  await expect(form.getByRole('radio', { name: 'IT', exact: true })).toBeChecked();
  // And the profile dialog has the role too.
  await page.goto('./');
  await page.getByTestId('profile-button').click();
  await expect(page.getByTestId('profile-dialog').getByLabel('Your role')).toHaveValue('Network architect');
  expect(it.problems).toEqual([]);
});

test('the very first screen offers joining with an invite code: name, side and role asked with the code', async () => {
  const ot = await suite.peer();
  const { page } = ot;
  await page.goto('./');
  const welcome = page.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
  await expect(welcome).toBeVisible();
  await welcome.getByRole('link', { name: 'Join a workshop with an invite' }).click();
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await form.getByLabel('Invite link or code').fill(invite.code);
  await form.getByLabel('Your name').fill('Olga OT');
  await form.getByRole('radio', { name: 'OT', exact: true }).check();
  await form.getByLabel('Your role').fill('Control engineer');
  await form.getByRole('button', { name: 'Join workshop' }).click();
  await expect(page.getByTestId('board')).toBeVisible();
  await expect(roleOf(page, 'Olga OT')).toHaveText('Control engineer');
  const fac = suite.peers[0]!.page;
  await expectConnected(fac, ['Olga OT']);
  await expect(roleOf(fac, 'Olga OT')).toHaveText('Control engineer');

  // The profile is kept: after a reload the first-run question does not come back.
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  await expect(welcome).toHaveCount(0);
  await expect(page.getByTestId('profile-button')).toHaveText('Olga OT · OT');
  expect(ot.problems).toEqual([]);
});
