// Notices go away by themselves (issue 15, point 6): a confirmation after its reading time, but
// not while the pointer rests on it; errors stay until dismissed, and no more than three pile up.
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { addCard } from '../../shared/board';
import { initWorkshop } from '../../shared/schema';
import { encodeWorkshopFile } from '../../shared/workshopFile';
import { createWorkshop, settle, startApp } from './fixtures/boardPage';

/** A workshop file with something the schema refuses written into it after it was made. */
function tampered(change: (doc: Y.Doc, cardId: string) => void): Buffer {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Tampered', facilitator: 'Mallory', createdAt: 1 });
  const id = addCard(doc, { section: 'goals', fields: { title: 'Uptime' }, author: { name: 'M', side: 'IT' } }, 2);
  change(doc, id);
  return Buffer.from(encodeWorkshopFile({ title: 'Tampered', createdAt: 1, exportedAt: 2, appVersion: 'test' }, Y.encodeStateAsUpdate(doc)));
}

// The page's clock runs as usual, but the waits past a reading time jump ahead instead of sitting
// through it (Playwright's clock: timers that fall due in the jump fire, in order).
test('a confirmation goes away by itself, not while the pointer is on it, and is still announced', async ({ page }) => {
  await page.clock.install();
  await startApp(page);
  await createWorkshop(page, 'Notices');
  await settle(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-workshop').click();
  await download;
  const status = page.getByRole('status', { name: 'Notices' });
  const exported = status.getByTestId('notice-info').filter({ hasText: 'Workshop file exported.' });
  await expect(exported).toBeVisible();

  // Resting the pointer on it holds it well past its reading time (6.5 s for this sentence).
  await exported.hover();
  await page.clock.fastForward(9_000);
  await expect(exported).toBeVisible();
  // Away from it, its time runs on from where it was paused.
  await page.mouse.move(5, 700);
  await expect(exported).toBeHidden({ timeout: 10_000 });

  // Without the pointer: gone in about its reading time.
  const again = page.waitForEvent('download');
  await page.getByTestId('export-workshop').click();
  await again;
  await expect(exported).toBeVisible();
  await expect(exported).toBeHidden({ timeout: 10_000 });
});

test('errors stay until dismissed, and only the newest three are kept', async ({ page }, testInfo) => {
  await page.clock.install();
  await startApp(page);
  // Each a different failure, so none replaces another (the same sentence twice shows once).
  const bad = [
    Buffer.from('%PDF-1.7\nnot a workshop'),
    Buffer.from([0x89, 0x42, 0x52, 0x44, 0x42, 0x52, 0x44, 0x0a, 0, 1, 0, 0]),
    tampered((d, id) => d.getMap('cards').set(id, 'gone')),
    tampered((d) => d.getMap('payload').set('x', 1)),
  ];
  for (const [i, bytes] of bad.entries()) {
    const path = testInfo.outputPath(`bad-${i}.bridgeboard`);
    await writeFile(path, bytes);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-workshop').click();
    await (await chooser).setFiles(path);
  }
  const errors = page.getByRole('alert', { name: 'Errors' }).getByTestId('notice-error');
  await expect(errors).toHaveCount(3);
  await page.mouse.move(5, 700);
  await page.clock.fastForward(21_000);
  await expect(errors).toHaveCount(3);
  await errors.first().getByRole('button', { name: /^Dismiss/ }).click();
  await expect(errors).toHaveCount(2);
});
