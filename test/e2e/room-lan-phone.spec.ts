// A phone on the plant network: it opens the invite's web link (what its QR code holds) on a
// 390 x 844 touch screen, joins, reads the board, adds a card and votes, through
// `bridgeboard serve` on the LAN-like origin. Nothing may need a wider screen: no horizontal
// scrolling of the page, controls inside the screen.
import { devices, expect, test, type Page } from '@playwright/test';
import { qrSvgDataUrl } from '../../shared/room';
import { addCardRetrying as addCard } from './charter/charterPage';
import { startApp } from './fixtures/boardPage';
import { goToPhase } from './facilitation/facilitationHelpers';
import { FACILITATOR, OT_PERSON, cardTitled, expectConnected, join } from './room/roomHarness';
import { LAN_NAME, serveForSpec } from './room/lanServe';

const lan = serveForSpec();

const PHONE = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };

/** Nothing sticks out sideways: the page never scrolls horizontally on the phone. */
async function expectFitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test('a phone joins from the web link, reads the board, adds a card and votes on a 390-px screen', async () => {
  test.setTimeout(180_000);
  const fac = await lan.peer();
  const phone = await lan.peer(PHONE);

  await startApp(fac.page, { name: FACILITATOR.name, side: FACILITATOR.side });
  await fac.page.getByLabel('New workshop title').fill('Line 4 from a phone');
  await fac.page.getByRole('button', { name: 'Create workshop' }).click();
  await addCard(fac.page, 'tradeoffs', { Tension: 'Patch cadence vs. maintenance windows' });
  await fac.page.getByTestId('open-room').click();
  const dialog = fac.page.getByTestId('open-room-dialog');
  await dialog.getByLabel('Signaling server address').fill(`wss://${LAN_NAME}:${lan.serve.port}`);
  await dialog.getByLabel(/^Server certificate fingerprint/).fill(lan.serve.sha256);
  await dialog.getByRole('button', { name: 'Open room' }).click();
  const invite = fac.page.getByTestId('invite-dialog');
  const webLink = await invite.getByTestId('invite-web-link').inputValue();
  await expect(invite.getByTestId('invite-qr')).toHaveAttribute('src', qrSvgDataUrl(webLink));
  await invite.getByRole('button', { name: 'Done' }).click();

  // Scanning the QR code opens the web link: the join page, fitted to the phone.
  await phone.page.goto(webLink);
  await expect(phone.page.getByRole('heading', { name: 'Join a workshop' })).toBeVisible();
  await expectFitsWidth(phone.page);
  await join(phone.page, { webLink }, OT_PERSON);
  await expectConnected(fac.page, [OT_PERSON.name]);

  // Reading: the facilitator's card is on the phone, inside the screen.
  const card = cardTitled(phone.page, 'Patch cadence vs. maintenance windows');
  await expect(card).toBeVisible({ timeout: 20_000 });
  const box = await card.boundingBox();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 390).toBe(true);
  await expectFitsWidth(phone.page);

  // Adding a card with touch.
  await phone.page.getByTestId('add-card-tradeoffs').tap();
  const editor = phone.page.getByTestId('card-editor');
  await expect(editor).toBeVisible();
  const editorBox = await editor.boundingBox();
  expect((editorBox?.width ?? 999) <= 390).toBe(true);
  await editor.getByLabel('Tension', { exact: true }).fill('Remote vendor access');
  await editor.getByRole('button', { name: 'Add card' }).tap();
  await expect(editor).toBeHidden();
  await expect(cardTitled(fac.page, 'Remote vendor access')).toBeVisible({ timeout: 20_000 });

  // Voting: the facilitator opens a vote, the phone spends its dots.
  await goToPhase(fac.page, 'Vote');
  await fac.page.getByTestId('vote-budget').fill('2');
  await fac.page.getByTestId('vote-start').click();
  const row = phone.page.getByTestId('vote-panel').getByTestId('vote-row').filter({ hasText: 'Remote vendor access' });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByTestId('vote-plus').tap();
  await row.getByTestId('vote-plus').tap();
  await expect(fac.page.getByTestId('vote-panel')).toContainText('Ballots so far: IT 0, OT 1', { timeout: 20_000 });
  await expectFitsWidth(phone.page);
  await phone.page.screenshot({ path: test.info().outputPath('phone-vote.png'), fullPage: false });
});
