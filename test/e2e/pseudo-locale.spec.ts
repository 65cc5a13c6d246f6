// The pseudo-locale sweep (issue 14): with en-XA picked in the app, every page and dialog of the
// localized features is visited, and each must show only catalog text (accented, bracketed, a
// third longer). Everything the test types is Chinese or Cyrillic, so any plain ASCII letter on
// screen is a string that bypassed the catalog. Every feature is localized now; anything marked
// data-i18n-pending would be skipped and listed. The room runs on a real signaling server in the
// test process; its address (data, shown as it is) is allowed. The second test drives the
// facilitation controls and the charter to every view, dialog and notice one person can reach.
import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { createInvite, formatInviteWebLink } from '../../shared/room';
import { startSignalingServer, type SignalingServer } from '../../electron/main/signaling/signalingServer';
import { expectAllTranslated, findUntranslated } from './fixtures/untranslated';

const ZONE = 'Asia/Shanghai';
test.use({ timezoneId: ZONE, locale: 'en-US' });

const sweep = async (page: Page, view: string, data: readonly string[] = []) => {
  const { pending } = await expectAllTranslated(page, view, [ZONE, ...data]);
  test.info().annotations.push({ type: 'still English', description: `${view}: ${pending.join(', ') || 'none'}` });
};
const dialog = (page: Page, testId: string) => page.getByTestId(testId);

let signaling: SignalingServer;
test.beforeAll(async () => {
  signaling = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0 });
});
test.afterAll(async () => {
  await signaling.close();
});

async function addCard(page: Page, section: string, title: string): Promise<void> {
  await page.getByTestId(`add-card-${section}`).click();
  const editor = dialog(page, 'card-editor');
  await editor.locator('[data-field="title"]').fill(title);
  await editor.locator('button[type="submit"]').click();
  await expect(editor).toBeHidden();
}

test('in the pseudo-locale, every page and dialog of the localized features shows only catalog text', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));

  // First start: the welcome dialog, switched to the pseudo-locale from the top bar.
  await page.goto('./');
  const welcome = dialog(page, 'profile-dialog');
  await expect(welcome).toBeVisible();
  await page.getByTestId('language-picker').selectOption('en-XA');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(welcome.locator('.dialog-title')).toHaveText(/^\[.*\]$/);
  // The check itself finds English that bypassed the catalog, in text and in labels.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="probe">Plain English</p><button id="probe2" aria-label="Close">✕</button>'));
  expect((await findUntranslated(page)).offenders).toEqual(['<p> Plain English', '<button aria-label> Close']);
  await page.evaluate(() => document.querySelectorAll('#probe, #probe2').forEach((el) => el.remove()));
  // Holding an invite: the welcome's link leads to the join page, which asks who you are once.
  await welcome.getByTestId('welcome-join-link').click();
  await expect(page.getByTestId('join-first-visit')).toBeVisible();
  await sweep(page, 'join page on a first visit');
  await page.locator('.join-form button[type="submit"]').click();
  await expect(page.getByTestId('invite-error')).toBeVisible();
  await sweep(page, 'join page with a missing invite');
  await page.locator('.join-form .dialog-actions button[type="button"]').click();
  await expect(welcome).toBeVisible();
  await welcome.locator('button[type="submit"]').click();
  await expect(welcome.getByRole('alert')).toBeVisible();
  await sweep(page, 'welcome dialog with an error');
  await welcome.locator('input[autocomplete="name"]').fill('王小明');
  await welcome.locator('input[value="OT"]').check();
  await welcome.locator('input[autocomplete="organization-title"]').fill('控制工程师');
  await welcome.locator('button[type="submit"]').click();
  await expect(welcome).toBeHidden();

  // The workshop list, empty, then a workshop's board with cards in every kind of state.
  await expect(page.getByTestId('no-workshops')).toBeVisible();
  await sweep(page, 'empty workshop list');
  await page.locator('#new-workshop-title').fill('四号工厂启动会');
  await page.locator('.create-workshop button[type="submit"]').click();
  await expect(page.getByTestId('board-title')).toHaveText('四号工厂启动会');
  await addCard(page, 'goals', '减少非计划停机');
  await addCard(page, 'risks', 'Удалённый доступ');
  await addCard(page, 'parking', '稍后讨论');
  await expect(page.getByTestId('save-state')).toHaveText(/^\[/);
  await sweep(page, 'board');

  // The card editor: new, with a refused empty title, then editing with every field.
  await page.getByTestId('add-card-accountability').click();
  const editor = dialog(page, 'card-editor');
  await editor.locator('button[type="submit"]').click();
  await expect(page.getByTestId('editor-error')).toBeVisible();
  await sweep(page, 'new card editor with an error');
  await editor.locator('[data-field="title"]').fill('人工智能设定值导致不合格品');
  await editor.locator('button[type="submit"]').click();
  await expect(editor).toBeHidden();
  await page.getByTestId('card').filter({ hasText: '减少非计划停机' }).locator('[data-control="edit"]').click();
  await editor.locator('[data-field="category"]').selectOption('uptime');
  await sweep(page, 'card editor');
  await editor.locator('[data-field="status"]').selectOption('agreed');
  await editor.locator('button[type="submit"]').click();
  await expect(editor).toBeHidden();

  // Deleting a card announces it; the trash lists it.
  await page.getByTestId('card').filter({ hasText: '稍后讨论' }).locator('[data-control="delete"]').click();
  await page.getByTestId('trash').locator('summary').click();
  await sweep(page, 'board with the trash open');

  // The overview, and the presenter: a section, a card, and the vote results' slide.
  await page.getByTestId('layout-overview').click();
  await sweep(page, 'board overview');
  await page.getByTestId('present').click();
  await expect(dialog(page, 'presenter')).toBeVisible();
  await sweep(page, 'presenter, one section');
  await page.getByTestId('presenter-mode-cards').click();
  await sweep(page, 'presenter, one card');
  await page.keyboard.press('End');
  await expect(page.getByTestId('presenter-no-results')).toBeVisible();
  await sweep(page, 'presenter, vote results');
  await page.keyboard.press('Escape');
  await page.getByTestId('layout-columns').click();

  // Rename, export (a notice), and the history with a preview and a pin.
  await page.getByTestId('board-title').locator('xpath=following-sibling::button[1]').click();
  await expect(dialog(page, 'rename-dialog')).toBeVisible();
  await sweep(page, 'rename dialog');
  await dialog(page, 'rename-dialog').locator('.dialog-actions button[type="button"]').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workshop').click();
  await download;
  await expect(page.getByTestId('notice-info')).toBeVisible();
  await sweep(page, 'board with a notice');
  await expect(page.getByTestId('save-state')).not.toHaveText(/[A-Za-z]/);

  // The minutes: the dialog, and the notice a saved file gives.
  await page.getByTestId('minutes-button').click();
  await expect(dialog(page, 'minutes-dialog')).toBeVisible();
  await sweep(page, 'minutes dialog');
  const minutes = page.waitForEvent('download');
  await page.getByTestId('minutes-md').click();
  await minutes;
  await expect(dialog(page, 'minutes-dialog')).toBeHidden();
  // Its notice names the file, extension and all (".md" is no catalog text): dismissed here.
  await page.getByTestId('notice-info').filter({ hasText: '.md' }).getByRole('button').click();

  await page.getByTestId('open-history').click();
  const history = dialog(page, 'history-panel');
  await expect(history.getByTestId('history-entry').first()).toBeVisible();
  await history.getByTestId('history-view').first().click();
  await expect(history.getByTestId('board-preview')).toBeVisible();
  await sweep(page, 'history with a preview');
  await history.locator('.history-pin-form input').fill('投票之前');
  await history.locator('.history-pin-form button[type="submit"]').click();
  await expect(history.getByTestId('history-pin')).toHaveCount(1);
  await history.getByTestId('history-entry').first().getByTestId('history-restore').click();
  await expect(page.getByTestId('notice-info').last()).toBeVisible();
  await history.getByTestId('history-undo-person').first().click();
  await sweep(page, 'history with a pin, a restore and the undo list');
  await history.locator('.dialog-actions button').last().click();
  await expect(history).toBeHidden();

  // The profile, with the time zone, from the top bar.
  await page.getByTestId('profile-button').click();
  const profile = dialog(page, 'profile-dialog');
  await expect(profile.getByTestId('time-zone')).toBeVisible();
  await sweep(page, 'profile dialog');
  await profile.locator('.dialog-actions button[type="button"]').click();

  // The room: opening it (with a refused try), the invite, the participants panel, the network
  // settings, and going offline.
  const url = signaling.url;
  await page.getByTestId('open-room').click();
  const openRoom = dialog(page, 'open-room-dialog');
  await expect(openRoom.getByTestId('member-summary')).toBeVisible();
  await openRoom.locator('details > summary').click();
  await openRoom.locator('button[type="submit"]').click();
  await expect(openRoom.getByRole('alert')).toBeVisible();
  await sweep(page, 'open-room dialog with an error and the network settings');
  await openRoom.getByTestId('member-change').click();
  await expect(openRoom.locator('input[autocomplete="name"]')).toHaveValue('王小明');
  await sweep(page, 'open-room dialog changing who I am');
  await openRoom.locator('input[data-autofocus]').fill(url);
  await openRoom.locator('button[type="submit"]').click();
  const invite = dialog(page, 'invite-dialog');
  await expect(invite.getByTestId('invite-qr')).toBeVisible();
  await sweep(page, 'invite dialog', [url]);
  await invite.locator('.dialog-actions button').click();
  await expect(page.getByTestId('participants-panel')).toBeVisible();
  await expect(page.getByTestId('room-state')).toHaveText(/^\[/);
  await sweep(page, 'board in an open room with the participants panel', [url]);
  await page.getByTestId('network-settings').click();
  const ice = dialog(page, 'ice-dialog');
  await ice.locator('input[type="checkbox"]').check();
  await ice.locator('button[type="submit"]').click();
  await expect(ice.getByRole('alert')).toBeVisible();
  await sweep(page, 'network settings with an error');
  await ice.locator('.dialog-actions button[type="button"]').click();
  await page.getByTestId('room-settings').click();
  await expect(dialog(page, 'open-room-dialog')).toBeVisible();
  await sweep(page, 'room settings', [url]);
  await dialog(page, 'open-room-dialog').locator('.dialog-actions button[type="button"]').click();
  await page.getByTestId('go-offline').click();
  await expect(page.getByTestId('reconnect')).toBeVisible();
  await sweep(page, 'board in a room gone offline', [url]);

  // Back to the list: the workshop, a delete confirmation, and a refused import.
  await page.locator('.board-toolbar-main > button').first().click();
  await expect(page.getByTestId('workshop-item')).toHaveCount(1);
  await sweep(page, 'workshop list');
  await page.getByTestId('workshop-item').locator('.workshop-actions button.danger').click();
  await expect(dialog(page, 'confirm-dialog')).toBeVisible();
  await sweep(page, 'delete confirmation');
  await dialog(page, 'confirm-dialog').locator('button[data-autofocus]').click();
  const file = testInfo.outputPath('foreign.bridgeboard');
  await writeFile(file, '%PDF-1.7 not a workshop');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-workshop').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('notice-error')).toBeVisible();
  await sweep(page, 'workshop list with an import error');

  // The join page with a profile (who I am shown, then changed), an invite that names the
  // server's certificate and carries its STUN/TURN settings, then a malformed one.
  const turn = 'turn:turn.example.com:443?transport=tcp';
  const carrying = createInvite({
    workshopId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    signaling: [url],
    certificate: 'AB'.repeat(32),
    ice: { urls: [turn], username: 'u', credential: 'c', relayOnly: true },
  });
  await page.goto(formatInviteWebLink(carrying, new URL(page.url()).origin));
  await expect(page.getByTestId('certificate-check')).toBeVisible();
  await expect(page.getByTestId('member-summary')).toBeVisible();
  await sweep(page, 'join page with an invite', [turn]);
  await page.getByTestId('member-change').click();
  await sweep(page, 'join page changing who I am', [turn]);
  await page.goto('./#/join/not-an-invite');
  await expect(page.getByTestId('invite-error')).toBeVisible();
  await sweep(page, 'join page with a malformed invite');

  // A workshop that does not exist.
  await page.goto('./#/w/no-such-workshop');
  await expect(page.getByTestId('open-failure')).toBeVisible();
  await sweep(page, 'a workshop that does not open');

  // The choice is kept: after a reload the app starts in the pseudo-locale again.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await expect(page.getByTestId('open-failure')).toBeVisible();
  await sweep(page, 'after a reload');
  expect(problems).toEqual([]);
});

test('in the pseudo-locale, the facilitation controls and the charter, their dialogs and notices show only catalog text', async ({ page }) => {
  test.setTimeout(150_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('./');
  await page.getByTestId('language-picker').selectOption('en-XA');
  const welcome = dialog(page, 'profile-dialog');
  await welcome.locator('input[autocomplete="name"]').fill('王小明');
  await welcome.locator('input[value="facilitator"]').check();
  await welcome.locator('button[type="submit"]').click();
  await expect(welcome).toBeHidden();
  await page.locator('#new-workshop-title').fill('四号工厂章程');
  await page.locator('.create-workshop button[type="submit"]').click();
  await expect(page.getByTestId('facilitator-bar')).toBeVisible();
  await addCard(page, 'goals', '减少非计划停机');
  await addCard(page, 'tradeoffs', '补丁周期与维护窗口');
  await addCard(page, 'accountability', 'Сбой модели');
  // The facilitator's bar, the phase banner, and the balance with its coverage gaps and charts.
  await page.getByTestId('balance-details').locator('summary').click();
  await expect(page.getByTestId('coverage-gap').first()).toBeVisible();
  await sweep(page, 'board with the facilitator bar and the balance');

  // The agenda editor (its template list names the built-in one from the catalog), with a refused apply.
  await page.getByTestId('edit-agenda').click();
  const agenda = dialog(page, 'agenda-editor');
  await expect(agenda).toBeVisible();
  await agenda.getByTestId('agenda-template-name').fill('七号工厂');
  await agenda.getByTestId('agenda-save-template').click();
  // The built-in agenda (in effect, so no option of its own for it) and the one just saved.
  await expect(agenda.getByTestId('agenda-template').locator('option')).toHaveCount(2);
  await expect(agenda.getByTestId('agenda-template').locator('option', { hasText: '七号工厂' })).toHaveCount(1);
  for (const input of await agenda.getByTestId('agenda-phase-title').all()) await input.fill('阶段');
  for (const prompts of await agenda.locator('.agenda-phase textarea').all()) await prompts.fill('');
  await agenda.getByTestId('agenda-phase-title').first().fill('');
  await agenda.getByTestId('agenda-apply').click();
  await expect(agenda.getByRole('alert')).toBeVisible();
  await sweep(page, 'agenda editor with an error');
  await agenda.getByTestId('agenda-phase-title').first().fill('开场');
  await agenda.getByTestId('agenda-apply').click();
  await expect(agenda).toBeHidden();

  // The co-facilitators dialog.
  await page.getByTestId('open-facilitators').click();
  await expect(dialog(page, 'facilitators-dialog')).toBeVisible();
  await sweep(page, 'co-facilitators dialog');
  await page.getByTestId('facilitators-close').click();

  // A phase with its prompts, the timer running, anonymous ideation.
  await page.getByTestId('phase-next').click();
  await expect(page.getByTestId('phase-title')).toHaveText('开场');
  await page.getByTestId('timer-start').click();
  await expect(page.getByTestId('timer-value')).toBeVisible();
  await page.getByTestId('anonymous-toggle').click();
  await expect(page.getByTestId('anonymous-badge')).toBeVisible();
  await sweep(page, 'a running phase with the timer and anonymous ideation');
  await page.getByTestId('timer-pause').click();
  await expect(page.getByTestId('timer-resume')).toBeVisible();
  await sweep(page, 'a paused timer');

  // A vote: open, cast, revealed, a winner made agreed.
  await page.getByTestId('vote-start').click();
  const vote = page.getByTestId('vote-panel');
  await vote.getByTestId('vote-row').filter({ hasText: '减少非计划停机' }).getByTestId('vote-plus').click();
  await expect(vote.getByTestId('vote-mine').first()).toHaveText('●');
  await sweep(page, 'an open vote');
  await page.getByTestId('vote-reveal').click();
  await expect(page.getByTestId('results-panel')).toBeVisible();
  await sweep(page, 'vote results');
  await page.getByTestId('results-panel').getByTestId('make-agreed').first().click();

  // The charter page: the draft with its findings, a quorum below the default, the roster.
  await page.getByTestId('open-charter').click();
  await expect(page.getByTestId('charter-page')).toBeVisible();
  await expect(page.getByTestId('findings')).toBeVisible();
  await page.getByTestId('quorum-it').fill('0');
  await page.getByTestId('quorum-ot').fill('0');
  await expect(page.getByTestId('quorum-reduced')).toBeVisible();
  await sweep(page, 'charter draft with a reduced quorum');
  await page.getByTestId('quorum-reason').fill('只有一个人的演练');
  await page.getByTestId('quorum-apply').click();
  await expect(page.getByTestId('quorum-apply')).toBeHidden();
  await page.getByTestId('roster-row').getByRole('button').click();
  // The freeze dialog, then a version to sign, signed, sealed; and a refused second freeze.
  await page.getByTestId('freeze').click();
  await expect(dialog(page, 'freeze-dialog')).toBeVisible();
  await sweep(page, 'freeze dialog');
  await page.getByTestId('confirm-freeze').click();
  const v1 = page.locator('[data-testid="charter-version"][data-version="1"]');
  await expect(v1.getByTestId('sign')).toBeVisible();
  await sweep(page, 'a frozen version to sign, with the notice');
  await v1.getByTestId('sign').click();
  await expect(v1.getByTestId('signed-note')).toBeVisible();
  await v1.getByTestId('seal').click();
  await expect(v1.getByTestId('seal')).toHaveCount(0);
  await page.getByTestId('freeze').click();
  await expect(page.getByTestId('notice-error')).toBeVisible();
  await sweep(page, 'a signed and sealed version, with a refused freeze');

  // A second version shows what changed since the first.
  await page.getByTestId('back-to-board').click();
  await addCard(page, 'risks', '远程供应商访问');
  await page.getByTestId('card').filter({ hasText: '远程供应商访问' }).locator('[data-control="edit"]').click();
  const editor = dialog(page, 'card-editor');
  await editor.locator('[data-field="status"]').selectOption('agreed');
  await editor.locator('button[type="submit"]').click();
  await page.getByTestId('open-charter').click();
  await page.getByTestId('freeze').click();
  await expect(dialog(page, 'freeze-dialog').getByTestId('version-diff')).toBeVisible();
  await sweep(page, 'freeze dialog with what changed');
  await page.getByTestId('confirm-freeze').click();
  await expect(page.locator('[data-testid="charter-version"][data-version="2"]')).toBeVisible();
  await sweep(page, 'two versions');

  // The verifier from the top bar, with an unreadable file.
  await page.getByTestId('verify-charter-button').click();
  const verifier = dialog(page, 'verify-charter-dialog');
  await expect(verifier.getByTestId('verify-open')).toBeVisible();
  await sweep(page, 'verify dialog');
  expect(problems).toEqual([]);
});
