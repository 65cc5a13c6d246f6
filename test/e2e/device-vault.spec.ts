// What this device keeps for a workshop outside its doc (the room secret, network credentials,
// pinned keys) goes through the host's vault: in the browser, IndexedDB beside the workshop,
// never localStorage. Entries an older version left in localStorage move into the vault on
// first open. Deleting the workshop deletes them.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, settle, startApp } from './fixtures/boardPage';

/** The vault's entries in the app's IndexedDB, for one workshop (or all). */
function vaultRows(page: Page, workshopId?: string): Promise<{ workshopId: string; key: string; value: string }[]> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('bridgeboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('vault', 'readonly').objectStore('vault').getAll();
          request.onsuccess = () => {
            open.result.close();
            const rows = request.result as { workshopId: string; key: string; value: string }[];
            resolve(id ? rows.filter((r) => r.workshopId === id) : rows);
          };
        };
      }),
    workshopId,
  );
}

const localStorageText = (page: Page): Promise<string> => page.evaluate(() => JSON.stringify({ ...localStorage }));
const workshopIdOf = (page: Page): string => decodeURIComponent(new URL(page.url()).hash.replace('#/w/', ''));

test('the room secret is kept in the vault, never in localStorage, and goes when the workshop is deleted', async ({ page }) => {
  await startApp(page, { name: 'Fiona Facilitator', side: 'facilitator' });
  await createWorkshop(page, 'Vaulted room');
  const id = workshopIdOf(page);
  await page.getByTestId('open-room').click();
  const dialog = page.getByTestId('open-room-dialog');
  await dialog.getByLabel('Signaling server address').fill('ws://127.0.0.1:9/');
  await dialog.getByRole('button', { name: 'Open room' }).click();
  await expect(page.getByTestId('invite-dialog')).toBeVisible();
  await page.getByTestId('invite-dialog').getByRole('button', { name: 'Done' }).click();
  await settle(page);

  const rows = await vaultRows(page, id);
  const room = rows.find((r) => r.key === 'room');
  expect(room).toBeDefined();
  const secret = (JSON.parse(room?.value ?? '{}') as { secret?: string }).secret ?? '';
  expect(secret.length).toBeGreaterThan(20);
  expect(await localStorageText(page)).not.toContain(secret);
  // The facilitator's own key is pinned for the workshop, in the vault too.
  await expect.poll(async () => (await vaultRows(page, id)).map((r) => r.key)).toContain('facilitation.pin');

  await settle(page);
  await page.getByRole('button', { name: '← Workshops' }).click();
  await page.getByRole('button', { name: 'Delete “Vaulted room”' }).click();
  await page.getByRole('button', { name: 'Delete workshop' }).click();
  await expect(page.getByTestId('no-workshops')).toBeVisible();
  expect(await vaultRows(page, id)).toEqual([]);
});

test('room settings an older version left in localStorage move into the vault on first open', async ({ page }) => {
  await startApp(page, { name: 'Ivan IT', side: 'IT' });
  await createWorkshop(page, 'Upgraded');
  const id = workshopIdOf(page);
  await page.getByRole('button', { name: '← Workshops' }).click();
  const legacy = {
    kind: 'guest',
    secret: '0W3GE1R70W3GE1R70W3GE1R70W',
    signaling: ['ws://127.0.0.1:9/'],
    member: { name: 'Ivan IT', side: 'IT', role: '' },
    online: false,
  };
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: `bridgeboard.room.${id}`, value: JSON.stringify(legacy) });
  await page.getByRole('button', { name: 'Upgraded', exact: true }).click();
  await expect(page.getByTestId('board-title')).toHaveText('Upgraded');
  // The room is known (its settings came along), and localStorage no longer holds them.
  await expect(page.getByTestId('invite')).toBeVisible();
  await expect.poll(async () => (await vaultRows(page, id)).find((r) => r.key === 'room')?.value).toContain('0W3GE1R70W3GE1R70W3GE1R70W');
  expect(await localStorageText(page)).not.toContain('0W3GE1R70W3GE1R70W3GE1R70W');
});
