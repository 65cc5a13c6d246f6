// The board end to end, as a user sees it: cards in every section with their own fields, edit,
// move, reorder, status, undo/redo, delete/restore, and everything still there after a reload.
import { expect, test } from '@playwright/test';
import { addCard, card, cardsIn, createWorkshop, editor, section, settle, startApp, titlesIn } from './fixtures/boardPage';

const CARDS: { section: string; fields: Record<string, string> }[] = [
  { section: 'goals', fields: { Goal: 'Fewer unplanned stops', Category: 'uptime', Metric: 'stops per month', Target: 'under 3' } },
  { section: 'tradeoffs', fields: { Tension: 'Patch cadence vs. maintenance windows', 'IT view': 'Patch monthly', 'OT view': 'Only in shutdowns' } },
  { section: 'incentives', fields: { Incentive: 'Shared uptime bonus', 'Shared incentive': 'Line availability' } },
  { section: 'accountability', fields: { Scenario: 'AI setpoint causes off-spec product', 'Accountable (exactly one)': 'Plant manager', 'Response time': '15 minutes' } },
  { section: 'risks', fields: { Risk: 'Vendor remote access', Category: 'segmentation', Safeguard: 'Jump host in the DMZ' } },
  { section: 'language', fields: { Term: 'DMZ', 'Meaning in IT': 'Perimeter network', 'Meaning in OT': 'Purdue level 3.5' } },
  { section: 'skills', fields: { 'Skill gap': 'PLC basics', 'Taught by': 'OT', 'Learned by': 'IT' } },
  { section: 'parking', fields: { Item: 'Revisit vendor VPN', Note: 'After the audit' } },
];

test('a card in every section, edited, moved, reordered, undone and redone, survives a reload', async ({ page }) => {
  // The strict CSP must not block anything the app does, and nothing may throw.
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await startApp(page);
  await createWorkshop(page, 'Plant 4 kickoff');

  for (const c of CARDS) await addCard(page, c.section, c.fields);
  for (const c of CARDS) {
    const title = Object.values(c.fields)[0] ?? '';
    await expect(cardsIn(page, c.section)).toHaveCount(1);
    await expect(card(page, title).getByTestId('card-side')).toHaveText('OT');
    await expect(card(page, title)).toContainText('Ada Lovelace');
  }

  // Edit fields and status in the editor.
  await card(page, 'Fewer unplanned stops').getByRole('button', { name: 'Fewer unplanned stops' }).click();
  await expect(editor(page).getByLabel('Metric')).toHaveValue('stops per month');
  await editor(page).getByLabel('Target').fill('under 2');
  await editor(page).getByLabel('Status').selectOption('agreed');
  await editor(page).getByRole('button', { name: 'Save card' }).click();
  await expect(card(page, 'Fewer unplanned stops').getByTestId('card-status')).toHaveText('Agreed');

  // Move to another section with a button, then reorder there.
  await card(page, 'Revisit vendor VPN').getByRole('button', { name: 'Move to previous section' }).click();
  await expect(cardsIn(page, 'parking')).toHaveCount(0);
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['PLC basics', 'Revisit vendor VPN']);
  await card(page, 'Revisit vendor VPN').getByRole('button', { name: 'Move up' }).click();
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['Revisit vendor VPN', 'PLC basics']);

  // Reorder by keyboard: focus follows the card.
  await card(page, 'Revisit vendor VPN').getByRole('button', { name: 'Revisit vendor VPN' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['PLC basics', 'Revisit vendor VPN']);
  await expect(card(page, 'Revisit vendor VPN').getByRole('button', { name: 'Revisit vendor VPN' })).toBeFocused();

  // Undo and redo the last move with the keyboard, and the status change with the buttons.
  await page.keyboard.press('Control+z');
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['Revisit vendor VPN', 'PLC basics']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['PLC basics', 'Revisit vendor VPN']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(cardsIn(page, 'parking')).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(card(page, 'Fewer unplanned stops').getByTestId('card-status')).toHaveText('Proposed');
  await page.getByTestId('redo').click();
  await expect(card(page, 'Fewer unplanned stops').getByTestId('card-status')).toHaveText('Agreed');
  // Ctrl+Y redoes the move to Skills (to its end), not the reorders after it.
  await page.keyboard.press('Control+y');
  await expect(cardsIn(page, 'parking')).toHaveCount(0);
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['PLC basics', 'Revisit vendor VPN']);

  await settle(page);
  await page.reload();
  await expect(page.getByTestId('board-title')).toHaveText('Plant 4 kickoff');
  await expect.poll(() => titlesIn(page, 'skills')).toEqual(['PLC basics', 'Revisit vendor VPN']);
  for (const c of CARDS.filter((c) => c.section !== 'parking' && c.section !== 'skills')) {
    await expect.poll(() => titlesIn(page, c.section)).toEqual([Object.values(c.fields)[0]]);
  }
  await expect(card(page, 'Fewer unplanned stops').getByTestId('card-status')).toHaveText('Agreed');
  await card(page, 'Fewer unplanned stops').getByRole('button', { name: 'Fewer unplanned stops' }).click();
  await expect(editor(page).getByLabel('Target')).toHaveValue('under 2');
  await expect(editor(page).getByLabel('Category')).toHaveValue('uptime');
  expect(problems).toEqual([]);
});

test('a card can be deleted and restored from the trash, and that survives a reload', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Trash check');
  await addCard(page, 'risks', { Risk: 'Flat OT network' });
  await card(page, 'Flat OT network').getByRole('button', { name: 'Delete' }).click();
  await expect(cardsIn(page, 'risks')).toHaveCount(0);
  await page.getByText('Deleted cards (1)').click();
  await page.getByRole('button', { name: 'Restore “Flat OT network”' }).click();
  await expect(cardsIn(page, 'risks')).toHaveCount(1);
  await card(page, 'Flat OT network').getByRole('button', { name: 'Flat OT network' }).focus();
  await page.keyboard.press('Delete');
  await expect(cardsIn(page, 'risks')).toHaveCount(0);
  // Focus lands somewhere sensible, not on the page body.
  await expect(page.getByTestId('add-card-risks')).toBeFocused();
  await settle(page);
  await page.reload();
  await expect(page.getByText('Deleted cards (1)')).toBeVisible();
  await expect(cardsIn(page, 'risks')).toHaveCount(0);
});

test('a card can be dragged to another section and position', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Drag check');
  await addCard(page, 'goals', { Goal: 'Goal A' });
  await addCard(page, 'tradeoffs', { Tension: 'Tension B' });
  await addCard(page, 'tradeoffs', { Tension: 'Tension C' });
  await expect(cardsIn(page, 'tradeoffs')).toHaveCount(2);
  await card(page, 'Goal A').dragTo(card(page, 'Tension B'), { targetPosition: { x: 20, y: 5 } });
  await expect.poll(() => titlesIn(page, 'tradeoffs')).toEqual(['Goal A', 'Tension B', 'Tension C']);
  await expect(cardsIn(page, 'goals')).toHaveCount(0);
  // Onto the lower half of a card: after it, within the same section. Source and target are
  // brought into view first, as a user sees them: a page that scrolls between Playwright's mouse
  // down and its drop makes Chromium drop where the target was before the scroll.
  await card(page, 'Tension C').scrollIntoViewIfNeeded();
  const tensionB = await card(page, 'Tension B').boundingBox();
  await card(page, 'Goal A').dragTo(card(page, 'Tension B'), { targetPosition: { x: 20, y: (tensionB?.height ?? 0) - 5 } });
  await expect.poll(() => titlesIn(page, 'tradeoffs')).toEqual(['Tension B', 'Goal A', 'Tension C']);
  // Onto a section's heading: to the top of that section.
  await card(page, 'Tension C').dragTo(section(page, 'tradeoffs').getByRole('heading', { level: 2 }));
  await expect.poll(() => titlesIn(page, 'tradeoffs')).toEqual(['Tension C', 'Tension B', 'Goal A']);
  await settle(page);
  await page.reload();
  await expect.poll(() => titlesIn(page, 'tradeoffs')).toEqual(['Tension C', 'Tension B', 'Goal A']);
});

test('the board works with the keyboard alone', async ({ page }) => {
  await startApp(page, { name: 'Kim', side: 'IT' });
  await createWorkshop(page, 'Keyboard only');
  await page.getByTestId('add-card-language').focus();
  await page.keyboard.press('Enter');
  await expect(editor(page).getByLabel('Term')).toBeFocused();
  await page.keyboard.type('Historian');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A time-series database');
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(page.getByTestId('add-card-language')).toBeFocused();
  await expect(cardsIn(page, 'language')).toHaveCount(0);

  await page.keyboard.press('Enter');
  // Focus stays inside the open dialog: Shift+Tab from the first field wraps to its last button.
  await page.keyboard.press('Shift+Tab');
  await expect(editor(page).getByRole('button', { name: 'Add card' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor(page).getByLabel('Term')).toBeFocused();
  await page.keyboard.type('Historian');
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeHidden();
  await expect(card(page, 'Historian').getByRole('button', { name: 'Historian' })).toBeFocused();
  await expect(card(page, 'Historian').getByTestId('card-side')).toHaveText('IT');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(cardsIn(page, 'skills')).toHaveCount(1);
  await expect(section(page, 'skills').getByRole('button', { name: 'Historian' })).toBeFocused();
  await expect(page.getByTestId('announcement')).toHaveText('“Historian” moved to Skills, position 1 of 1.');
  // A move button that the move disables hands focus to the card's title instead of losing it.
  await section(page, 'skills').getByRole('button', { name: 'Move to next section' }).click();
  await expect(section(page, 'parking').getByRole('button', { name: 'Move to next section' })).toBeDisabled();
  await expect(section(page, 'parking').getByRole('button', { name: 'Historian' })).toBeFocused();
});
