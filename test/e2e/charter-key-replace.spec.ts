// A signing key this browser can no longer use (its stored record is damaged) is replaced from
// the charter view: the old record is set aside, the new key is on the roster, and it persists.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './fixtures/axe';
import { createWorkshop, startApp } from './fixtures/boardPage';
import { myFingerprint, openCharter } from './charter/charterPage';

/** Runs `action` on the app's key store ('bridgeboard-identity', store 'keys'). */
function keyStore<T>(page: Page, action: 'damage' | 'count-replaced'): Promise<T> {
  return page.evaluate(
    (what) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('bridgeboard-identity');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('keys', 'readwrite');
          const store = tx.objectStore('keys');
          let result: unknown = null;
          if (what === 'damage') store.put({ privateKey: 'not a key', publicKey: 42 }, 'default');
          else {
            const keys = store.getAllKeys();
            keys.onsuccess = () => (result = keys.result.filter((k) => String(k).startsWith('replaced-')).length);
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(result as T);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    action,
  );
}

test('a damaged signing key is replaced after a confirmation; the new key is on the roster and stays', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Key check');
  await openCharter(page);
  const before = await myFingerprint(page);
  const myRow = page.getByTestId('roster-row').filter({ hasText: 'Ada Lovelace' });
  await expect(myRow).toContainText(before);

  await keyStore(page, 'damage');
  await page.reload();
  await page.getByTestId('open-charter').click();
  await expect(page.getByTestId('identity-error')).toContainText('The signing key stored in this browser is damaged');

  await expectNoSeriousViolations(page, 'charter view without a usable key');
  // Cancelling changes nothing.
  await page.getByTestId('replace-key').click();
  const confirm = page.getByRole('alertdialog', { name: 'Create a new signing key?' });
  await expect(confirm).toContainText('Charters you already signed stay valid');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('identity-error')).toBeVisible();

  await page.getByTestId('replace-key').click();
  await confirm.getByRole('button', { name: 'Create new key' }).click();
  await expect(page.getByTestId('identity-panel').getByTestId('fingerprint')).toBeVisible();
  const after = await myFingerprint(page);
  expect(after).not.toBe(before);
  await expect(page.getByText('New signing key created.')).toBeVisible();
  // The roster carries the new key at once.
  await expect(myRow).toContainText(after);
  expect(await keyStore<number>(page, 'count-replaced')).toBe(1);

  await page.reload();
  await openCharter(page);
  expect(await myFingerprint(page)).toBe(after);
  await expect(myRow).toContainText(after);
});
