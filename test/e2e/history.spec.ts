// The history in one browser (the facilitator's): every change is listed with who, when and
// what; the board can be looked at as it was; the start of each phase is pinned, and the board
// restores to a pin or to just before a change, as new changes that survive a reload; a phase's
// pin reads in the reader's language. Axe finds nothing serious in the history.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { addCard, card, createWorkshop, settle, startApp, titlesIn } from './fixtures/boardPage';
import { bar, phaseTitle } from './facilitation/facilitationHelpers';

const history = (page: Page) => page.getByTestId('history-panel');

async function openHistory(page: Page): Promise<void> {
  await settle(page);
  await page.getByTestId('open-history').click();
  await expect(history(page).getByTestId('history-entry').first()).toBeVisible();
}

test('the history lists changes, shows the board as it was, and restores to a pinned phase start or to before a change', async ({ page }) => {
  await startApp(page, { name: 'Fiona Facilitator', side: 'facilitator' });
  await createWorkshop(page, 'History run');
  await expect(bar(page)).toBeVisible();
  await addCard(page, 'goals', { Goal: 'Before the agenda' });
  await page.getByTestId('phase-next').click();
  await expect(phaseTitle(page)).toHaveText('Frame');
  await addCard(page, 'parking', { Item: 'During framing' });
  await addCard(page, 'parking', { Item: 'Also during framing' });
  await card(page, 'Before the agenda').getByRole('button', { name: 'Delete' }).click();

  await openHistory(page);
  const entries = history(page).getByTestId('history-entry');
  // Newest first: my deletion, then my two cards, each with what it did.
  await expect(entries.first().getByTestId('history-summary')).toHaveText('deleted 1 card');
  await expect(entries.first()).toContainText('you');
  await expect(history(page).getByTestId('history-summary').filter({ hasText: 'added 1 card' }).first()).toBeVisible();
  // The start of the phase was pinned for me.
  const pin = history(page).getByTestId('history-pin').filter({ hasText: 'Phase “Frame” began' });
  await expect(pin).toBeVisible();
  await pin.getByRole('button', { name: /^View/ }).click();
  await expect(history(page).getByTestId('board-preview').getByTestId('preview-card')).toHaveCount(1);
  await expect(history(page).getByTestId('board-preview')).toContainText('Before the agenda');
  await expectNoSeriousViolations(page, 'history');

  // Back to the phase's start: the framing cards go to the trash, the deleted goal comes back.
  await pin.getByTestId('history-pin-restore').click();
  await expect(page.getByText(/Board restored to “Phase “Frame” began”/)).toBeVisible();
  await history(page).getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['Before the agenda']);
  await expect.poll(() => titlesIn(page, 'parking')).toEqual([]);

  // And the restore itself can be undone: restore to before it.
  await openHistory(page);
  await expect(entries.first()).toHaveAttribute('data-kind', 'restore');
  await entries.first().getByTestId('history-restore').click();
  await history(page).getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => titlesIn(page, 'parking')).toEqual(['During framing', 'Also during framing']);
  await expect.poll(() => titlesIn(page, 'goals')).toEqual([]);

  // A pin of my own, and everything survives a reload.
  await openHistory(page);
  await history(page).getByLabel('Pin this moment as').fill('Before the vote');
  await history(page).getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(history(page).getByTestId('history-pin').filter({ hasText: 'Before the vote' })).toBeVisible();
  await history(page).getByRole('button', { name: 'Close' }).click();
  await settle(page);
  await page.reload();
  await expect.poll(() => titlesIn(page, 'parking')).toEqual(['During framing', 'Also during framing']);
  await openHistory(page);
  await expect(history(page).getByTestId('history-pin')).toHaveCount(2);

  // The built-in phase's pin reads in the reader's language, as the facilitation bar does; a pin
  // someone named keeps its name.
  await history(page).getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('language-picker').selectOption('de');
  await expect(phaseTitle(page)).toHaveText('Rahmen');
  await page.getByTestId('open-history').click();
  await expect(history(page).getByTestId('history-pin').first()).toContainText('Phase „Rahmen“ begonnen');
  await expect(history(page).getByTestId('history-pin').nth(1)).toContainText('Before the vote');
});
