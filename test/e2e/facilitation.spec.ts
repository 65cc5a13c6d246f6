// Facilitation in one browser (the facilitator's): the agenda runs phase by phase with its
// prompts and closes sections, the timer starts, pauses, extends and stops, anonymous ideation
// leaves new cards unnamed, a vote is hidden until revealed and its winner becomes agreed, the
// balance lists gaps, the agenda is edited and kept as my template, and axe finds nothing serious.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { addCard, card, createWorkshop, startApp } from './fixtures/boardPage';
import { bar, goToPhase, phaseTitle, timerSeconds } from './facilitation/facilitationHelpers';

async function facilitatorBoard(page: Page, title: string): Promise<void> {
  await startApp(page, { name: 'Fiona Facilitator', side: 'facilitator' });
  await createWorkshop(page, title);
  // Working offline, the facilitator's device claims the workshop on its own.
  await expect(bar(page)).toBeVisible();
  await expect(phaseTitle(page)).toHaveText('Agenda not started');
}

test('the agenda moves phase by phase, shows its prompts and closes the other sections', async ({ page }) => {
  await facilitatorBoard(page, 'Agenda run');
  await expect(page.getByTestId('phase-open')).toContainText('Every section is open');
  await page.getByTestId('phase-next').click();
  await expect(phaseTitle(page)).toHaveText('Frame');
  await expect(page.getByText('Phase 1 of 9 · suggested 15 min')).toBeVisible();
  await goToPhase(page, 'Trade-offs');
  await expect(page.getByTestId('phase-prompts')).toContainText('segmentation vs. remote vendor access');
  await expect(page.getByTestId('phase-open')).toHaveText(/Open for editing: Trade-offs, Risks and safeguards, Parking lot\./);
  // Closed sections are marked; the facilitator may still tidy them, participants may not.
  await expect(page.getByTestId('section-closed-goals')).toHaveText('Closed to participants in this phase');
  await expect(page.getByTestId('section-closed-tradeoffs')).toHaveCount(0);
  await page.getByTestId('phase-previous').click();
  await expect(phaseTitle(page)).toHaveText('Common goals');
  await expect(page.getByTestId('phase-prompts')).toContainText('an owner from IT and an owner from OT');
});

test('the timer starts, pauses, extends and stops', async ({ page }) => {
  await facilitatorBoard(page, 'Timer run');
  await page.getByTestId('phase-next').click();
  await page.getByTestId('timer-start').click();
  await expect(page.getByTestId('timer-value')).toHaveText(/^1[45]:\d\d$/);
  await page.getByTestId('timer-pause').click();
  await expect(page.getByTestId('timer')).toContainText('(paused)');
  const paused = await timerSeconds(page);
  await page.waitForTimeout(1_500);
  expect(await timerSeconds(page)).toBe(paused);
  await page.getByTestId('timer-extend').click();
  await expect.poll(() => timerSeconds(page)).toBe(paused + 60);
  await page.getByTestId('timer-resume').click();
  await expect(page.getByTestId('timer')).not.toContainText('(paused)');
  await page.getByTestId('timer-stop').click();
  await expect(page.getByTestId('timer')).toHaveCount(0);
});

test('a timer started after the board sat idle never shows more than its length', async ({ page }) => {
  await facilitatorBoard(page, 'Timer length');
  await page.getByTestId('phase-next').click();
  // The board sits idle a while before the facilitator starts the 15-minute timer.
  await page.waitForTimeout(3_000);
  // Every remaining time the page ever shows, from the first frame on.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { seenTimer: number[] }).seenTimer = seen;
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid="timer-value"]')?.getAttribute('data-remaining-ms');
      if (value) seen.push(Number(value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByTestId('timer-start').click();
  await expect(page.getByTestId('timer-value')).toBeVisible();
  await page.waitForTimeout(1_000);
  const seen = await page.evaluate(() => (window as unknown as { seenTimer: number[] }).seenTimer);
  expect(seen.length).toBeGreaterThan(0);
  expect(Math.max(...seen)).toBeLessThanOrEqual(15 * 60_000);
});

test('when the time is up everyone sees it; extending brings the timer back; the sound switch is kept', async ({ page }) => {
  await page.clock.install();
  await facilitatorBoard(page, 'Time is up');
  await page.getByTestId('phase-next').click();
  await page.getByTestId('timer-start').click();
  await expect(page.getByTestId('timer-ended')).toHaveCount(0);
  await page.clock.fastForward('15:30');
  await expect(page.getByTestId('timer-ended')).toHaveText('Time is up');
  await expect(page.getByTestId('timer-value')).toHaveText('0:00');
  await page.getByTestId('timer-extend').click();
  await expect(page.getByTestId('timer-ended')).toHaveCount(0);
  await expect(page.getByTestId('timer-value')).toHaveText(/^(1:00|0:59)$/);
  await expect(page.getByTestId('timer-mute')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('timer-mute').click();
  await expect(page.getByTestId('timer-mute')).toHaveText('Sound off');
  await page.reload();
  await expect(page.getByTestId('timer-mute')).toHaveAttribute('aria-pressed', 'true');
});

test('anonymous ideation: new cards show no author, and the doc keeps none', async ({ page }) => {
  await facilitatorBoard(page, 'Anonymous run');
  await addCard(page, 'goals', { Goal: 'Named goal' });
  await expect(card(page, 'Named goal')).toContainText('Fiona Facilitator');
  await page.getByTestId('anonymous-toggle').click();
  await expect(page.getByTestId('anonymous-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('anonymous-badge')).toBeVisible();
  await addCard(page, 'goals', { Goal: 'Anonymous idea' });
  await expect(card(page, 'Anonymous idea')).not.toContainText('Fiona Facilitator');
  // An agreed item is always named.
  await addCard(page, 'goals', { Goal: 'Agreed at once', Status: 'agreed' });
  await expect(card(page, 'Agreed at once')).toContainText('Fiona Facilitator');
  await page.getByTestId('anonymous-toggle').click();
  await expect(page.getByTestId('anonymous-badge')).toHaveCount(0);
});

test('a vote is hidden until revealed; results split IT and OT; the winner becomes agreed', async ({ page }) => {
  await facilitatorBoard(page, 'Vote run');
  await addCard(page, 'tradeoffs', { Tension: 'Patch cadence vs. maintenance windows' });
  await addCard(page, 'tradeoffs', { Tension: 'Segmentation vs. remote vendor access' });
  await page.getByTestId('vote-budget').fill('3');
  await page.getByTestId('vote-start').click();
  const panel = page.getByTestId('vote-panel');
  await expect(panel.getByTestId('dots-left')).toHaveText('3 of 3 dots left');
  const row = panel.getByTestId('vote-row').filter({ hasText: 'Segmentation vs. remote vendor access' });
  await row.getByTestId('vote-plus').click();
  await row.getByTestId('vote-plus').click();
  await expect(panel.getByTestId('dots-left')).toHaveText('1 of 3 dots left');
  await expect(panel).toContainText('Ballots so far: IT 0, OT 0, neutral 1');
  await expect(page.getByTestId('results-panel')).toHaveCount(0);
  await page.getByTestId('vote-reveal').click();
  const results = page.getByTestId('results-panel');
  await expect(results.getByTestId('result-row')).toHaveCount(1);
  await expect(results.getByTestId('result-total')).toHaveText('2');
  await results.getByTestId('make-agreed').click();
  await expect(card(page, 'Segmentation vs. remote vendor access').getByTestId('card-status')).toHaveText(/agreed/i);
});

test('the balance view lists what is missing and charts contributions by side', async ({ page }) => {
  await facilitatorBoard(page, 'Balance run');
  await addCard(page, 'tradeoffs', { Tension: 'Retrain vs. validated state', 'IT view': 'Retrain weekly' });
  await addCard(page, 'accountability', { Scenario: 'Model quality degrades', 'Accountable (exactly one)': 'Ana and Olga' });
  await page.getByTestId('balance-details').locator('summary').click();
  const gaps = page.getByTestId('coverage-gap');
  await expect(gaps.filter({ hasText: 'Trade-off “Retrain vs. validated state” has no OT view.' })).toBeVisible();
  await expect(gaps.filter({ hasText: 'Scenario “Model quality degrades” has 2 Accountables; it needs exactly one.' })).toBeVisible();
  await expect(page.getByTestId('chart-contributions').getByRole('img')).toHaveAttribute('aria-label', 'Cards by side: IT 0, OT 0, Neutral 2');
});

test('the agenda is edited for everyone and saved as my template, which survives a reload', async ({ page }) => {
  await facilitatorBoard(page, 'Agenda edit');
  await page.getByTestId('edit-agenda').click();
  const dialog = page.getByTestId('agenda-editor');
  await dialog.getByTestId('agenda-phase-title').first().fill('Welcome and frame');
  await dialog.getByTestId('agenda-template-name').fill('Plant 7 short session');
  await dialog.getByTestId('agenda-save-template').click();
  await dialog.getByTestId('agenda-apply').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('phase-next').click();
  await expect(phaseTitle(page)).toHaveText('Welcome and frame');
  await page.reload();
  await expect(phaseTitle(page)).toHaveText('Welcome and frame');
  await page.getByTestId('edit-agenda').click();
  await expect(page.getByTestId('agenda-template').locator('option', { hasText: 'Plant 7 short session' })).toHaveCount(1);
});

test('facilitation views have no serious or critical axe violations', async ({ page }) => {
  await facilitatorBoard(page, 'Accessible facilitation');
  await addCard(page, 'goals', { Goal: 'Uptime' });
  await page.getByTestId('phase-next').click();
  await page.getByTestId('timer-start').click();
  await page.getByTestId('vote-start').click();
  await page.getByTestId('balance-details').locator('summary').click();
  for (const view of ['open vote', 'results'] as const) {
    if (view === 'results') {
      await page.getByTestId('vote-panel').getByTestId('vote-plus').first().click();
      await page.getByTestId('vote-reveal').click();
      await expect(page.getByTestId('results-panel')).toBeVisible();
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousViolations(page, `${view}, ${scheme}`);
    }
  }
  await page.getByTestId('edit-agenda').click();
  await expectNoSeriousViolations(page, 'agenda editor', '[data-testid="agenda-editor"]');
});
