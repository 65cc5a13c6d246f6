// Each person's language: the app follows the browser's language, the picker changes it for
// this device (kept across reloads, <html lang> follows), "Automatic" goes back to the browser's,
// and dates show in the person's time zone.
import { expect, test } from '@playwright/test';
import { createWorkshop, startApp } from './fixtures/boardPage';

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });

  test('starts in German, with German dates', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const welcome = page.getByRole('dialog', { name: 'Willkommen bei Bridgeboard' });
    await welcome.getByLabel('Ihr Name').fill('Jürgen Łódź');
    await welcome.getByRole('radio', { name: 'OT', exact: true }).check();
    await welcome.getByRole('button', { name: 'Profil speichern' }).click();
    await page.getByLabel('Titel des neuen Workshops').fill('Werk Győr');
    await page.getByRole('button', { name: 'Workshop anlegen' }).click();
    await expect(page.getByRole('heading', { name: 'Gemeinsame Ziele' })).toBeVisible();
    await expect(page.getByTestId('section-parking')).toContainText('Themenspeicher');
    await page.getByRole('button', { name: '← Workshops' }).click();
    // "02.12.2026, 14:32": German order and separators, 24-hour clock, Berlin time.
    await expect(page.getByTestId('workshop-item')).toContainText(/Zuletzt geändert: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    await expect(page.getByTestId('workshop-item')).not.toContainText(/AM|PM/);
  });
});

test('the picker switches the language, keeps it after a reload, and Automatic follows the browser again', async ({ page }) => {
  await startApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('language-picker').selectOption('zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { name: '研讨会', level: 1 })).toBeVisible();
  await page.getByLabel('新研讨会名称').fill('王小明的研讨会');
  await page.getByRole('button', { name: '创建研讨会' }).click();
  await expect(page.getByTestId('board-title')).toHaveText('王小明的研讨会');
  await expect(page.getByRole('heading', { name: '权衡取舍' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByTestId('save-state')).toHaveText('所有更改均已保存');
  await page.getByTestId('language-picker').selectOption('auto');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('times follow the time zone picked in the profile', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Zones');
  await page.getByRole('button', { name: '← Workshops' }).click();
  const item = page.getByTestId('workshop-item');
  await expect(item).toContainText('Last changed');
  const before = await item.locator('small').textContent();
  await page.getByTestId('profile-button').click();
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  // Twelve and a half hours from UTC or more: the shown time changes whatever zone the machine is in.
  const zone = (await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)) === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
  await dialog.getByLabel('Time zone').selectOption(zone);
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(item.locator('small')).not.toHaveText(before ?? '');
  await page.reload();
  await expect(item.locator('small')).not.toHaveText(before ?? '');
});
