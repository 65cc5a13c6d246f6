// Accessibility: an axe-core scan of every page and dialog of the app, in both themes, finds no
// serious or critical violation. Each view is scanned in the state a user sees it in: the board
// with cards of every side and status, the facilitator's bar with a running timer, an open and a
// revealed vote, the room's dialogs and participants panel on a live signaling server, the
// charter frozen, signed and sealed, and a verified charter file.
import { expect, test, type Page } from '@playwright/test';
import { createInvite, formatInviteCode } from '../../shared/room';
import { startSignalingServer, type SignalingServer } from '../../electron/main/signaling/signalingServer';
import { expectNoSeriousViolations } from './fixtures/axe';
import { addCard, card, createWorkshop, editor, startApp } from './fixtures/boardPage';
import { exportAs, fillDraft, openCharter, setQuorum, version } from './charter/charterPage';

const WORKSHOP = '0f8fad5b-d9cb-469f-a165-70867728950e';

let signaling: SignalingServer;
test.beforeAll(async () => {
  signaling = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0 });
});
test.afterAll(async () => {
  await signaling.close();
});

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function closeDialog(page: Page, name: string | RegExp, button = 'Close'): Promise<void> {
  await dialog(page, name).getByRole('button', { name: button, exact: true }).click();
  await expect(dialog(page, name)).toBeHidden();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test(`first run, workshop list, profile, verify, rename, delete and the join page (${scheme})`, async ({ page }) => {
      await page.goto('./');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expect(dialog(page, 'Welcome to Bridgeboard')).toBeVisible();
      await expectNoSeriousViolations(page, 'welcome dialog');
      await dialog(page, 'Welcome to Bridgeboard').getByLabel('Your name').fill('Ada Lovelace');
      await dialog(page, 'Welcome to Bridgeboard').getByRole('radio', { name: 'OT', exact: true }).check();
      await dialog(page, 'Welcome to Bridgeboard').getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, 'empty workshop list');

      await page.getByTestId('profile-button').click();
      await expect(dialog(page, 'Your profile')).toBeVisible();
      await expectNoSeriousViolations(page, 'profile dialog');
      await closeDialog(page, 'Your profile', 'Cancel');

      await page.getByRole('button', { name: 'Verify a charter' }).click();
      await expect(dialog(page, 'Verify a charter')).toBeVisible();
      await expectNoSeriousViolations(page, 'verify dialog');
      await closeDialog(page, 'Verify a charter');

      await createWorkshop(page, 'Listed');
      await page.getByRole('button', { name: '← Workshops' }).click();
      await expect(page.getByTestId('workshop-item')).toHaveCount(1);
      await expectNoSeriousViolations(page, 'workshop list');
      await page.getByTestId('workshop-item').getByRole('button', { name: /^Rename/ }).click();
      await expect(page.getByTestId('rename-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, 'rename dialog');
      await page.getByTestId('rename-dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('workshop-item').getByRole('button', { name: /^Delete/ }).click();
      await expect(page.getByTestId('confirm-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, 'delete confirmation');
      await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();

      await page.goto('./#/join');
      await expect(page.getByRole('form', { name: 'Join a workshop' })).toBeVisible();
      await expectNoSeriousViolations(page, 'join page');
      const code = formatInviteCode(createInvite({ workshopId: WORKSHOP, signaling: [signaling.url] }));
      await page.goto(`./#/join/${code}`);
      await expect(page.getByRole('form', { name: 'Join a workshop' }).getByLabel('Invite link or code')).not.toHaveValue('');
      await expectNoSeriousViolations(page, 'join page with a code');
      await page.goto('./#/join/not-an-invite');
      await expect(page.getByTestId('invite-error')).toBeVisible();
      await expectNoSeriousViolations(page, 'join page with a bad invite');
    });

    test(`the insecure-origin page (${scheme})`, async ({ page, baseURL }) => {
      // The app served under a name that is no secure context, as plain http from another computer is.
      const base = (baseURL ?? '').replace(/\/$/, '');
      await page.route('http://bridgeboard.test/**', async (route) => {
        const response = await route.fetch({ url: route.request().url().replace('http://bridgeboard.test', base) });
        await route.fulfill({ response });
      });
      await page.goto('http://bridgeboard.test/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: /https:\/\/bridgeboard\.test\// })).toBeVisible();
      await expectNoSeriousViolations(page, 'insecure-origin page');
    });

    test(`the board, the facilitator's controls, votes, history, minutes and the room (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await startApp(page, { name: 'Fiona Facilitator', side: 'facilitator' });
      await createWorkshop(page, `Accessible ${scheme}`);
      await addCard(page, 'goals', { Goal: 'Uptime', Status: 'agreed' });
      await addCard(page, 'risks', { Risk: 'Remote access', Status: 'parked' });
      await addCard(page, 'parking', { Item: 'Later' });
      await expect(page.getByTestId('facilitator-bar')).toBeVisible();
      await expectNoSeriousViolations(page, 'board');

      await card(page, 'Uptime').getByRole('button', { name: 'Uptime' }).click();
      await expect(editor(page)).toBeVisible();
      await expectNoSeriousViolations(page, 'card editor');
      await editor(page).getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Agenda…' }).click();
      await expect(dialog(page, 'Agenda')).toBeVisible();
      await expectNoSeriousViolations(page, 'agenda editor');
      await page.keyboard.press('Escape');
      await expect(dialog(page, 'Agenda')).toBeHidden();

      await page.getByRole('button', { name: 'Co-facilitators…' }).click();
      await expect(dialog(page, 'Facilitator and co-facilitators')).toBeVisible();
      await expectNoSeriousViolations(page, 'facilitators dialog');
      await page.keyboard.press('Escape');

      await page.getByTestId('phase-next').click();
      await page.getByTestId('timer-start').click();
      await expect(page.getByTestId('timer-value')).toBeVisible();
      await page.getByTestId('vote-start').click();
      await page.getByTestId('vote-panel').getByTestId('vote-plus').first().click();
      await expectNoSeriousViolations(page, 'phase, running timer and open vote');
      await page.getByTestId('vote-reveal').click();
      await expect(page.getByTestId('results-panel')).toBeVisible();
      await page.getByTestId('balance-details').locator('summary').click();
      await page.getByTestId('trash').locator('summary').click();
      await expectNoSeriousViolations(page, 'vote results, balance and trash');

      await page.getByRole('button', { name: 'History' }).click();
      await expect(page.getByTestId('history-panel')).toBeVisible();
      await expectNoSeriousViolations(page, 'history');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Minutes' }).click();
      await expect(dialog(page, 'Take the minutes')).toBeVisible();
      await expectNoSeriousViolations(page, 'minutes dialog');
      await closeDialog(page, 'Take the minutes');

      await page.getByTestId('open-room').click();
      await expect(page.getByTestId('open-room-dialog')).toBeVisible();
      await page.getByTestId('open-room-dialog').locator('summary').click();
      await expectNoSeriousViolations(page, 'open-room dialog');
      await page.getByTestId('open-room-dialog').getByLabel('Signaling server address').fill(signaling.url);
      await page.getByTestId('open-room-dialog').getByRole('button', { name: 'Open room' }).click();
      await expect(page.getByTestId('invite-dialog')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('invite-qr')).toBeVisible();
      await expectNoSeriousViolations(page, 'invite dialog');
      await page.getByTestId('invite-dialog').getByRole('button', { name: 'Done' }).click();
      await expect(page.getByTestId('participants-panel')).toBeVisible();
      await expectNoSeriousViolations(page, 'board in a room, participants panel');
      await page.getByTestId('network-settings').click();
      await expect(page.getByTestId('ice-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, 'network settings');
      await page.keyboard.press('Escape');
      await page.getByTestId('room-settings').click();
      await expect(page.getByTestId('open-room-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, 'room settings');
      await page.keyboard.press('Escape');
    });

    test(`the charter: draft, freeze, signed and sealed version, and a verified file (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await startApp(page, { name: 'Fay Facil', side: 'facilitator' });
      await createWorkshop(page, `Charter ${scheme}`);
      await addCard(page, 'goals', { Goal: 'Keep line 4 running', Status: 'agreed' });
      await openCharter(page);
      await expectNoSeriousViolations(page, 'charter draft');
      await fillDraft(page, { purpose: 'How IT and OT run AI on line 4.', scope: 'Line 4', reviewDate: '2027-05-01' });
      await setQuorum(page, { it: 0, ot: 0, reason: 'A dry run by the facilitator alone.' });
      await page.getByTestId('freeze').click();
      await expect(page.getByTestId('freeze-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, 'freeze dialog');
      await page.getByTestId('confirm-freeze').click();
      await expect(version(page, 1)).toBeVisible();
      await expectNoSeriousViolations(page, 'frozen version');
      await version(page, 1).getByTestId('sign').click();
      await version(page, 1).getByTestId('seal').click();
      await expect(version(page, 1).getByTestId('verdict-summary')).toContainText('Valid: version 1');
      await expectNoSeriousViolations(page, 'signed and sealed version');

      const file = await exportAs(page, 1, 'export-json', test.info().outputPath('charter.json'));
      await page.getByRole('button', { name: 'Verify a charter' }).click();
      const verify = dialog(page, 'Verify a charter');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), verify.getByTestId('verify-open').click()]);
      await chooser.setFiles(file);
      await expect(verify.getByTestId('verify-result')).toContainText('Valid');
      await expectNoSeriousViolations(page, 'verify dialog with a verdict');
      await page.keyboard.press('Escape');

      // A second version: the freeze dialog and the version show what changed.
      await page.getByRole('button', { name: '← Board' }).click();
      await addCard(page, 'risks', { Risk: 'Vendor remote access', Status: 'agreed' });
      await openCharter(page);
      await page.getByTestId('freeze').click();
      await expect(page.getByTestId('freeze-dialog').getByTestId('version-diff')).toContainText('Vendor remote access');
      await expectNoSeriousViolations(page, 'freeze dialog with the changes');
      await page.getByTestId('confirm-freeze').click();
      await expect(version(page, 2).getByTestId('version-diff')).toBeVisible();
      await expectNoSeriousViolations(page, 'second version with the changes');
    });
  });
}

test('the theme toggle switches themes and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await startApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(17, 20, 24)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousViolations(page, 'workshop list (dark by choice)');
});
