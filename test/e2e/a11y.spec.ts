// Accessibility: an axe-core scan of the main views in both themes finds no serious or critical
// violation. The board is scanned with cards of every side and status on it.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { addCard, card, createWorkshop, editor, startApp } from './fixtures/boardPage';

for (const scheme of ['light', 'dark'] as const) {
  test(`workshop list, board and card editor have no serious axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await startApp(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await createWorkshop(page, `Accessible ${scheme}`);
    await addCard(page, 'goals', { Goal: 'Uptime', Status: 'agreed' });
    await addCard(page, 'risks', { Risk: 'Remote access', Status: 'parked' });
    await addCard(page, 'parking', { Item: 'Later' });
    await expectNoSeriousViolations(page, 'board');

    await card(page, 'Uptime').getByRole('button', { name: 'Uptime' }).click();
    await expect(editor(page)).toBeVisible();
    await expectNoSeriousViolations(page, 'card editor');
    await editor(page).getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Minutes' }).click();
    await expect(page.getByRole('dialog', { name: 'Take the minutes' })).toBeVisible();
    await expectNoSeriousViolations(page, 'minutes dialog');
    await page.getByRole('dialog', { name: 'Take the minutes' }).getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: '← Workshops' }).click();
    await expect(page.getByTestId('workshop-item')).toHaveCount(1);
    await expectNoSeriousViolations(page, 'workshop list');
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
