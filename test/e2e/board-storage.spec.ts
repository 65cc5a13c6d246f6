// Browser storage: a long editing session is compacted into a snapshot (the IndexedDB log stays
// short) and still reloads exactly; leaving the board compacts the rest. A damaged stored change
// stops the workshop from opening until the user recovers what can be read. Bytes that are not a
// Yjs update are never stored.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { expectNoSeriousViolations } from './fixtures/axe';
import { addCard, card, createWorkshop, settle, startApp, titlesIn } from './fixtures/boardPage';

type LogAction = { readonly kind: 'count' } | { readonly kind: 'count-set-aside' } | { readonly kind: 'damage'; readonly text: string };

/**
 * Works on the update log in the app's IndexedDB directly from the page: counts its records,
 * counts those recovery set aside (under `damaged:<workshop id>`), or damages each stored change
 * containing `text` by cutting its bytes in half, as a bad disk or a killed browser might.
 */
function updateLog(page: Page, action: LogAction): Promise<number> {
  return page.evaluate(
    (act) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('bridgeboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          let n = 0;
          const cursor = tx.objectStore('updates').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            const record = c.value as { workshopId: string; update: Uint8Array };
            if (act.kind === 'count') n += 1;
            else if (act.kind === 'count-set-aside') n += record.workshopId.startsWith('damaged:') ? 1 : 0;
            else if (new TextDecoder().decode(record.update).includes(act.text)) {
              c.update({ ...record, update: record.update.slice(0, Math.floor(record.update.length / 2)) });
              n += 1;
            }
            c.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(n);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    action,
  );
}

const logRecords = (page: Page): Promise<number> => updateLog(page, { kind: 'count' });

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

test('a workshop with a damaged stored change refuses to open, then recovers what can be read', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Damaged storage');
  await addCard(page, 'goals', { Goal: 'Kept goal' });
  // Back to the list compacts the log: the first card is in the snapshot now.
  await settle(page);
  await page.getByRole('button', { name: '← Workshops' }).click();
  await page.getByRole('button', { name: 'Damaged storage', exact: true }).click();
  await addCard(page, 'risks', { Risk: 'Lost risk' });
  await settle(page);
  expect(await updateLog(page, { kind: 'damage', text: 'Lost risk' })).toBe(1);
  const stored = await logRecords(page);

  await page.reload();
  const failure = page.getByTestId('open-failure');
  await expect(failure.getByRole('alert')).toContainText('1 stored change of this workshop is damaged');
  // Nothing is touched until the user asks: a second visit says the same.
  await page.reload();
  await expect(failure.getByRole('alert')).toContainText('1 stored change of this workshop is damaged');
  expect(await logRecords(page)).toBe(stored);
  expect(await updateLog(page, { kind: 'count-set-aside' })).toBe(0);
  await expectNoSeriousViolations(page, 'damaged workshop');

  await failure.getByRole('button', { name: 'Recover what can be read' }).click();
  await expect(page.getByTestId('board-title')).toHaveText('Damaged storage');
  await expect(page.getByText(/Workshop recovered: \d+ stored changes? kept, \d+ damaged bytes set aside\./)).toBeVisible();
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['Kept goal']);
  await expect.poll(() => titlesIn(page, 'risks')).toEqual([]);
  // The damaged change is set aside, not deleted.
  expect(await updateLog(page, { kind: 'count-set-aside' })).toBe(1);

  // The recovered workshop works and stays recovered.
  await addCard(page, 'risks', { Risk: 'New risk' });
  await settle(page);
  await page.reload();
  await expect.poll(() => titlesIn(page, 'risks')).toEqual(['New risk']);
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['Kept goal']);
});

test('a change that is not a Yjs update is refused by browser storage, and nothing is stored', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Guarded storage');
  await addCard(page, 'goals', { Goal: 'Kept goal' });
  await settle(page);
  const stored = await logRecords(page);
  const probe = await build({ entryPoints: [fileURLToPath(new URL('./fixtures/storageProbe.ts', import.meta.url))], bundle: true, write: false, format: 'iife', logLevel: 'silent' });
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(probe.outputFiles[0]?.text ?? '');
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/w/', ''));
  const append = (bytes: number[]) =>
    page.evaluate(({ i, b }) => (globalThis as unknown as { storageProbe: { append(i: string, b: number[]): Promise<string> } }).storageProbe.append(i, b), { i: id, b: bytes });

  expect(await append([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37])).toMatch(/^invalid-request: The change was not saved: the bytes are not a Yjs update \(they do not decode: .+\)\.$/);
  expect(await logRecords(page)).toBe(stored);
  // The same door still takes a real update (an empty one).
  expect(await append([0, 0])).toBe('stored');
  await page.reload();
  await expect.poll(() => titlesIn(page, 'goals')).toEqual(['Kept goal']);
});
