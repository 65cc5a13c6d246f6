// The short invite, read aloud: a facilitator opens a room in a browser on `bridgeboard serve`
// (the real CLI, HTTPS/WSS on one port), reads the 35-character code from the invite dialog, and
// a second browser types only that code on the join page, joins and syncs. A code nobody left,
// a mistyped one and one whose invite has expired each get their own sentence.
// Run inside a loopback-only network namespace.
import { expect, test, type Page } from '@playwright/test';
import { createShortInviteKey, formatShortInviteCode } from '../../shared/room';
import { addCardRetrying as addCard } from './charter/charterPage';
import { expectNoSeriousViolations } from './fixtures/axe';
import { startApp } from './fixtures/boardPage';
import { FACILITATOR, IT_PERSON, OT_PERSON, expectConnected, type Peer } from './room/roomHarness';
import { serveForSpec } from './room/lanServe';

test.describe.configure({ mode: 'serial' });

const lan = serveForSpec();
let shortCode = '';
let fac: Peer;
const peer = () => lan.peer();

/** Types a code on the join page of the server's origin and submits, as a person would. */
async function typeCode(page: Page, code: string, person: { name: string; side: string; role: string }) {
  await page.goto(`${lan.serve.url}#/join`);
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await form.getByLabel('Invite link or code').fill(code);
  await form.getByLabel('Your name').fill(person.name);
  await form.getByRole('radio', { name: person.side, exact: true }).check();
  await form.getByLabel('Your role').fill(person.role);
  await form.getByRole('button', { name: 'Join workshop' }).click();
}

test('a second browser joins with the short code alone, and both edit one board', async () => {
  test.setTimeout(180_000);
  fac = await peer();
  const it = await peer();
  await fac.page.goto(lan.serve.url);
  await startApp(fac.page, { name: FACILITATOR.name, side: FACILITATOR.side });
  await fac.page.getByLabel('New workshop title').fill('Line 5 read aloud');
  await fac.page.getByRole('button', { name: 'Create workshop' }).click();
  await fac.page.getByTestId('open-room').click();
  await fac.page.getByTestId('open-room-dialog').getByRole('button', { name: 'Open room' }).click();
  const dialog = fac.page.getByTestId('invite-dialog');
  await expect(dialog).toBeVisible({ timeout: 20_000 });

  const code = dialog.getByTestId('short-invite-code');
  await expect(code).toBeVisible({ timeout: 20_000 });
  shortCode = (await code.textContent()) ?? '';
  expect(shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$/);
  expect(shortCode.length).toBeLessThanOrEqual(40);
  // The long forms are still there for those who scan or paste, and are far longer.
  expect((await dialog.getByTestId('invite-code').inputValue()).length).toBeGreaterThan(100);
  await expect(dialog.getByTestId('short-invite')).toContainText(`join page at ${lan.serve.url.replace(/\/$/, '')}`);
  await expect(dialog.getByTestId('short-invite-server')).toHaveText(`lan.bridgeboard.test:${lan.serve.port}`);
  await expectNoSeriousViolations(fac.page, 'invite dialog with the short code', '[data-testid="invite-dialog"]');
  // Reopening the dialog shows the same code.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await fac.page.getByTestId('invite').click();
  await expect(fac.page.getByTestId('short-invite-code')).toHaveText(shortCode, { timeout: 20_000 });
  await fac.page.getByTestId('invite-dialog').getByRole('button', { name: 'Done' }).click();

  // Typed as heard: lower case, spaces for dashes.
  await typeCode(it.page, shortCode.toLowerCase().replace(/-/g, ' '), IT_PERSON);
  await expect(it.page.getByTestId('board')).toBeVisible({ timeout: 20_000 });
  await expectConnected(fac.page, [IT_PERSON.name]);
  await expectConnected(it.page, [FACILITATOR.name]);
  await addCard(it.page, 'goals', { Goal: 'Joined by ear', Status: 'agreed' });
  await expect(fac.page.getByTestId('card').filter({ hasText: 'Joined by ear' })).toBeVisible({ timeout: 20_000 });

  // The server logged nothing of the code.
  expect(lan.serve.output.join('\n')).not.toContain(shortCode.replace(/-/g, ''));
});

test('a code nobody left, a mistyped code and an expired invite each say what is wrong', async () => {
  test.setTimeout(120_000);
  const ot = await peer();
  const unknown = formatShortInviteCode(createShortInviteKey());
  await typeCode(ot.page, unknown, OT_PERSON);
  await expect(ot.page.getByTestId('invite-error')).toContainText('The room’s server has no invite for this code.');
  await expect(ot.page.getByTestId('board')).toHaveCount(0);

  const bare = shortCode.replace(/-/g, '');
  const typo = `${bare.slice(0, 7)}${bare[7] === 'X' ? 'Y' : 'X'}${bare.slice(8)}`;
  await typeCode(ot.page, typo, OT_PERSON);
  await expect(ot.page.getByTestId('invite-error')).toContainText('a character was mistyped');

  // An invite valid for 8 hours, looked up 9 hours later (the joiner's clock moved on).
  await fac.page.getByTestId('invite').click();
  const dialog = fac.page.getByTestId('invite-dialog');
  await dialog.getByLabel('Valid for').selectOption({ label: '8 hours' });
  const code = dialog.getByTestId('short-invite-code');
  await expect(code).not.toHaveText(shortCode, { timeout: 20_000 });
  const shortLived = (await code.textContent()) ?? '';
  expect(shortLived).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
  const later = await peer();
  await later.page.clock.install({ time: Date.now() + 9 * 3600_000 });
  await typeCode(later.page, shortLived, OT_PERSON);
  await expect(later.page.getByTestId('invite-error')).toContainText('This invite has expired.');
});
