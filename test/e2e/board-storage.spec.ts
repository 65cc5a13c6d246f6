// Browser storage: a long editing session is compacted into a snapshot (the IndexedDB log stays
// short) and still reloads exactly; leaving the board compacts the rest.
import { expect, test, type Page } from '@playwright/test';
import { addCard, card, createWorkshop, settle, startApp, titlesIn } from './fixtures/boardPage';

/** Counts the update-log records in the app's IndexedDB, read directly from the page. */
function logRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('bridgeboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test('250 moves are compacted on the way, reload exactly, and closing the board compacts the rest', async ({ page }) => {
  test.setTimeout(120_000);
  await startApp(page);
  await createWorkshop(page, 'Long session');
  await addCard(page, 'goals', { Goal: 'A' });
  await addCard(page, 'goals', { Goal: 'B' });
  await settle(page);
  await card(page, 'A').getByRole('button', { name: 'A', exact: true }).focus();
  const moves = 251;
  for (let i = 0; i < moves; i++) await page.keyboard.press(i % 2 === 0 ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['B', 'A']);
  await settle(page);
  // Every one of the 251 moves was a stored update; compaction keeps the log below its limit.
  const records = await logRecords(page);
  expect(records).toBeGreaterThan(0);
  expect(records).toBeLessThan(200);

  await page.reload();
  await expect(page.getByTestId('board-title')).toHaveText('Long session');
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['B', 'A']);

  await card(page, 'B').getByRole('button', { name: 'Move down' }).click();
  await settle(page);
  await page.getByRole('button', { name: '← Workshops' }).click();
  await expect.poll(() => logRecords(page)).toBe(0);
  await page.getByRole('button', { name: 'Long session', exact: true }).click();
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['A', 'B']);
});
