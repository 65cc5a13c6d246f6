// The board fits the screen (issue 15): no sideways page scrolling at 1440 px, an overview with
// all eight sections in the window on a 1366×768 laptop and a 1920×1080 projector, a presenter
// mode driven by the keyboard that shows the vote results, the toolbar's buttons on one line, the
// Follow checkbox beside its label, and the agenda template chosen when creating a workshop.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SECTION_IDS } from '../../shared/board';
import { expectNoSeriousViolations } from './fixtures/axe';
import { addCard, createWorkshop, section, settle, startApp } from './fixtures/boardPage';

async function pageScrollsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await pageScrollsSideways(page);
  expect(scrollWidth, 'the page is wider than the window').toBe(clientWidth);
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
}

/** A board with a few cards of each side, as a workshop has after its first hour. */
async function boardWithCards(page: Page, title: string): Promise<void> {
  await startApp(page, { name: 'Fiona Facilitator', side: 'facilitator' });
  await createWorkshop(page, title);
  await addCard(page, 'goals', { Goal: 'Uptime above 99.5 %', Metric: 'unplanned downtime per month' });
  await addCard(page, 'goals', { Goal: 'No unsafe setpoint from the model', Status: 'agreed' });
  await addCard(page, 'risks', { Risk: 'Remote vendor access', Status: 'parked' });
  await addCard(page, 'parking', { Item: 'Who pays for the historian upgrade?' });
  await settle(page);
}

test('at 1440 px the page does not scroll sideways; the board scrolls inside itself', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await boardWithCards(page, 'Wide board');
  await expectNoSidewaysScroll(page);
  // The board's own row of columns is what scrolls.
  const board = page.getByTestId('board');
  expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`the overview shows all eight sections in a ${width}×${height} window, readable, without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await boardWithCards(page, `Overview ${width}`);
    await page.getByTestId('layout-overview').click();
    await expect(page.getByTestId('layout-overview')).toHaveAttribute('aria-pressed', 'true');
    await expectNoSidewaysScroll(page);
    for (const id of SECTION_IDS) {
      const b = await box(section(page, id));
      expect(b.x, `${id} starts in the window`).toBeGreaterThanOrEqual(0);
      expect(b.y, `${id} starts in the window`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `${id} ends in the window`).toBeLessThanOrEqual(width);
      expect(b.y + b.height, `${id} ends in the window`).toBeLessThanOrEqual(height);
      // Big enough to read a card in it.
      expect(b.width).toBeGreaterThan(150);
      expect(b.height).toBeGreaterThan(120);
    }
    const title = section(page, 'goals').getByRole('button', { name: 'Uptime above 99.5 %' });
    await expect(title).toBeInViewport();
    expect(await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
    // Compact: a card is its title and one line of badges, not stretched to fill its section.
    expect((await box(page.getByTestId('card').filter({ hasText: 'Remote vendor access' }))).height).toBeLessThanOrEqual(64);
    // The choice is remembered on this device.
    await page.reload();
    await expect(page.getByTestId('layout-overview')).toHaveAttribute('aria-pressed', 'true');
    await expect(section(page, 'parking')).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page);
  });
}

for (const width of [1366, 1440]) {
  test(`at ${width} px "Export file" stays on one line with the toolbar's other buttons`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await startApp(page);
    await createWorkshop(page, 'Toolbar');
    const exportButton = page.getByTestId('export-workshop');
    const print = page.getByRole('button', { name: 'Print', exact: true });
    const minutes = page.getByRole('button', { name: 'Minutes', exact: true });
    const [e, p, m] = [await box(exportButton), await box(print), await box(minutes)];
    expect(Math.abs(e.y - p.y), 'Export file is on the line of Print').toBeLessThanOrEqual(2);
    expect(Math.abs(e.y - m.y), 'Export file is on the line of Minutes').toBeLessThanOrEqual(2);
    // Its label on one line: as tall as its neighbours.
    expect(Math.abs(e.height - p.height)).toBeLessThanOrEqual(1);
    await expectNoSidewaysScroll(page);
  });
}

test('the presenter shows one section or one card at a time, moves with the keyboard, shows the vote results, and Esc leaves', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await boardWithCards(page, 'Presented');
  // A vote, revealed: its results are the presenter's last slide.
  await page.getByTestId('vote-budget').fill('3');
  await page.getByTestId('vote-start').click();
  const row = page.getByTestId('vote-panel').getByTestId('vote-row').filter({ hasText: 'Remote vendor access' });
  await row.getByTestId('vote-plus').click();
  await row.getByTestId('vote-plus').click();
  await page.getByTestId('vote-reveal').click();
  await expect(page.getByTestId('results-panel')).toBeVisible();

  await page.getByTestId('present').click();
  const presenter = page.getByRole('dialog', { name: 'Presenting: Presented' });
  await expect(presenter).toBeVisible();
  const slide = presenter.getByTestId('presenter-slide');
  const heading = slide.getByRole('heading', { level: 3 });
  await expect(heading).toHaveText('Common goals');
  await expect(slide.getByTestId('presenter-card')).toHaveCount(2);
  await expect(presenter.getByTestId('presenter-position')).toHaveText('1 of 9');
  // Large type: the section's title is far bigger than the board's.
  expect(await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);

  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText('Trade-offs');
  await expect(slide).toContainText('No cards in this section yet.');
  await page.keyboard.press('PageDown');
  await expect(heading).toHaveText('Incentives');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(heading).toHaveText('Common goals');

  await page.keyboard.press('End');
  await expect(slide.getByRole('heading', { name: 'Vote results' })).toBeVisible();
  const tally = slide.getByTestId('presenter-tally');
  await expect(tally).toHaveCount(1);
  await expect(tally).toContainText('Remote vendor access');
  await expect(tally).toContainText('2 dots');

  // One card at a time: a slide per card, sections in board order.
  await page.keyboard.press('Home');
  await presenter.getByTestId('presenter-mode-cards').click();
  await expect(slide.getByRole('heading', { level: 3 })).toHaveText('Uptime above 99.5 %');
  await expect(slide).toContainText('Common goals: card 1 of 2');
  await expect(slide).toContainText('unplanned downtime per month');
  await page.keyboard.press('ArrowRight');
  await expect(slide.getByRole('heading', { level: 3 })).toHaveText('No unsafe setpoint from the model');
  await page.keyboard.press('ArrowRight');
  await expect(slide.getByRole('heading', { level: 3 })).toHaveText('Remote vendor access');
  await expect(slide).toContainText('2 dots (IT 0, OT 0)');
  await expect(presenter.getByTestId('presenter-position')).toHaveText('3 of 5');

  await page.keyboard.press('Escape');
  await expect(presenter).toBeHidden();
  await expect(page.getByTestId('present')).toBeFocused();
});

test('creating a workshop offers the agenda templates, and the Agenda dialog names the one applied', async ({ page }) => {
  await startApp(page, { name: 'Fiona Facilitator', side: 'facilitator' });
  const picker = page.getByRole('group', { name: 'Agenda to start from' });
  await expect(picker.getByRole('radio', { name: /AI in production: an IT\/OT charter \(built in\)/ })).toBeChecked();
  await expect(picker).toContainText('9 phases, 195 minutes');
  await picker.getByRole('radio', { name: /Blank agenda/ }).check();
  await createWorkshop(page, 'Blank start');
  await page.getByTestId('edit-agenda').click();
  const agenda = page.getByTestId('agenda-editor');
  await expect(agenda.getByTestId('agenda-template')).toHaveValue('Blank agenda');
  await expect(agenda.getByTestId('agenda-template').locator('option:checked')).toHaveText('Blank agenda');
  await expect(agenda.getByTestId('agenda-phase')).toHaveCount(1);
  await expect(agenda.getByTestId('agenda-phase-title')).toHaveValue('Open discussion');
  await agenda.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('phase-next').click();
  await expect(page.getByTestId('phase-title')).toHaveText('Open discussion');

  // The built-in agenda, chosen as it is offered, is named too.
  await page.getByRole('button', { name: '← Workshops' }).click();
  await createWorkshop(page, 'Built-in start');
  await page.getByTestId('edit-agenda').click();
  await expect(page.getByTestId('agenda-template').locator('option:checked')).toHaveText('AI in production: an IT/OT charter (built in)');
  await expect(page.getByTestId('agenda-phase')).toHaveCount(9);
});

test('the Follow checkbox sits right beside its label', async ({ browser }, testInfo) => {
  // A participant's view: the workshop made by someone else (another browser profile), imported.
  const owner = await browser.newContext();
  const facilitatorPage = await owner.newPage();
  await startApp(facilitatorPage, { name: 'Fiona Facilitator', side: 'facilitator' });
  await createWorkshop(facilitatorPage, 'Followed');
  await expect(facilitatorPage.getByTestId('facilitator-bar')).toBeVisible();
  await settle(facilitatorPage);
  const download = facilitatorPage.waitForEvent('download');
  await facilitatorPage.getByTestId('export-workshop').click();
  const path = testInfo.outputPath('followed.bridgeboard');
  await (await download).saveAs(path);
  await owner.close();

  const guest = await browser.newContext();
  const page = await guest.newPage();
  await startApp(page, { name: 'Otto Operator', side: 'OT' });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-workshop').click();
  await (await chooser).setFiles(path);
  await page.getByRole('button', { name: 'Followed', exact: true }).click();
  const checkbox = page.getByTestId('follow-toggle');
  await expect(checkbox).toBeVisible();
  const label = page.locator('.follow-toggle');
  const c = await box(checkbox);
  const text = await label.evaluate((el) => {
    const range = document.createRange();
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
    if (!node) return null;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, height: r.height };
  });
  if (!text) throw new Error('the label has no text');
  const gap = text.x - (c.x + c.width);
  expect(gap, 'space between the checkbox and its label').toBeGreaterThanOrEqual(0);
  expect(gap, 'space between the checkbox and its label').toBeLessThanOrEqual(10);
  expect(Math.abs(c.y + c.height / 2 - (text.y + text.height / 2)), 'on the same line').toBeLessThanOrEqual(6);
  await guest.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`overview and presenter have no serious axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 768 });
    await boardWithCards(page, `Accessible fit ${scheme}`);
    await page.getByTestId('layout-overview').click();
    await expectNoSeriousViolations(page, 'overview');
    await page.getByTestId('present').click();
    const presenter = page.getByTestId('presenter');
    await expect(presenter).toBeVisible();
    await expectNoSeriousViolations(page, 'presenter, sections', "[data-testid='presenter']");
    await presenter.getByTestId('presenter-mode-cards').click();
    await expectNoSeriousViolations(page, 'presenter, one card', "[data-testid='presenter']");
    await page.keyboard.press('End');
    await expectNoSeriousViolations(page, 'presenter, results', "[data-testid='presenter']");
  });
}
