// The workshop list, bad input, and workshop files: what a user sees when they create, rename,
// delete, export and import workshops, and when they type something the board refuses.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { addCard as addCardToDoc } from '../../shared/board';
import { initWorkshop } from '../../shared/schema';
import { encodeWorkshopFile } from '../../shared/workshopFile';
import { addCard, card, cardsIn, createWorkshop, editor, settle, startApp, titlesIn } from './fixtures/boardPage';

const items = (page: Page) => page.getByTestId('workshop-item');
const backToList = async (page: Page) => {
  await settle(page);
  await page.getByRole('button', { name: '← Workshops' }).click();
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
};

test('a workshop is deleted only after confirming; cancel keeps it', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Keep me');
  await backToList(page);
  await createWorkshop(page, 'Delete me');
  await backToList(page);
  await expect(items(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Delete “Delete me”' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete workshop?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(items(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Delete “Delete me”' })).toBeFocused();

  await page.getByRole('button', { name: 'Delete “Delete me”' }).click();
  await confirm.getByRole('button', { name: 'Delete workshop' }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toHaveText(/Keep me/);
  await page.reload();
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Delete me', exact: true })).toHaveCount(0);
});

test('a workshop can be renamed from the list and from the board, and keeps the name after reload', async ({ page }) => {
  await startApp(page);
  await createWorkshop(page, 'Old name');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByTestId('rename-dialog').getByLabel('Workshop title').fill('Board name');
  await page.getByTestId('rename-dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('board-title')).toHaveText('Board name');
  await backToList(page);
  await expect(page.getByRole('button', { name: 'Board name', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Rename “Board name”' }).click();
  await page.getByTestId('rename-dialog').getByLabel('Workshop title').fill('List name');
  await page.getByTestId('rename-dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('button', { name: 'List name', exact: true })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'List name', exact: true }).click();
  await expect(page.getByTestId('board-title')).toHaveText('List name');
});

test('bad input shows a clear message and changes nothing', async ({ page }) => {
  await startApp(page);
  // Empty workshop title.
  await page.getByLabel('New workshop title').fill('   ');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Workshop title cannot be empty.' })).toBeVisible();
  await expect(page.getByTestId('no-workshops')).toBeVisible();

  await createWorkshop(page, 'Limits');
  await addCard(page, 'tradeoffs', { Tension: 'Segmentation vs. vendor access', 'IT view': 'Segment everything' });

  // Empty card title.
  await page.getByTestId('add-card-goals').click();
  await editor(page).getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByTestId('editor-error')).toHaveText('Goal cannot be empty.');
  await editor(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(cardsIn(page, 'goals')).toHaveCount(0);

  // Overlong text in an edit: the card keeps its old values, the dialog explains the limit.
  await card(page, 'Segmentation vs. vendor access').getByRole('button', { name: 'Segmentation vs. vendor access' }).click();
  await editor(page).getByLabel('Tension').fill('Shorter tension');
  await editor(page).getByLabel('IT view').fill('x'.repeat(4001));
  await editor(page).getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByTestId('editor-error')).toHaveText('IT view is 4,001 characters; the limit is 4,000.');
  await editor(page).getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => titlesIn(page, 'tradeoffs')).toEqual(['Segmentation vs. vendor access']);
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await expect(cardsIn(page, 'tradeoffs')).toHaveCount(0);

  // Empty rename.
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByTestId('rename-dialog').getByLabel('Workshop title').fill('');
  await page.getByTestId('rename-dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('rename-dialog').getByRole('alert')).toHaveText('Workshop title cannot be empty.');
  await page.getByTestId('rename-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('board-title')).toHaveText('Limits');
});

test('a workshop exported to a file imports back as a new workshop with the same board', async ({ page }, testInfo) => {
  await startApp(page);
  await createWorkshop(page, 'Round trip');
  await addCard(page, 'accountability', { Scenario: 'Model quality degrades', 'Accountable (exactly one)': 'Data lead' });
  await addCard(page, 'language', { Term: 'Conduit' });
  await settle(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-workshop').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('round-trip.bridgeboard');
  const path = testInfo.outputPath('round-trip.bridgeboard');
  await file.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: 'Workshop file exported.' })).toBeVisible();

  await backToList(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-workshop').click();
  await (await chooser).setFiles(path);
  await expect(items(page)).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'Imported “Round trip”.' })).toBeVisible();

  // The imported copy is independent: open it (the newest) and check its cards.
  await items(page).first().getByRole('button', { name: 'Round trip', exact: true }).click();
  await expect.poll(() => titlesIn(page, 'accountability')).toEqual(['Model quality degrades']);
  await expect.poll(() => titlesIn(page, 'language')).toEqual(['Conduit']);
  const importedUrl = page.url();
  await card(page, 'Conduit').getByRole('button', { name: 'Delete' }).click();
  await backToList(page);
  await items(page).last().getByRole('button', { name: 'Round trip', exact: true }).click();
  expect(page.url()).not.toBe(importedUrl);
  await expect.poll(() => titlesIn(page, 'language')).toEqual(['Conduit']);

  // The bytes on disk are a real .bridgeboard file.
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 7).toString('latin1')).toBe('BRDBRD');
});

/** A .bridgeboard file whose board was changed, after it was made, in a shape the schema does not have. */
function hostileFile(change: (doc: Y.Doc, cardId: string) => void): Buffer {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Tampered', facilitator: 'Mallory', createdAt: 1 });
  const id = addCardToDoc(doc, { section: 'goals', fields: { title: 'Uptime' }, author: { name: 'M', side: 'IT' } }, 2);
  change(doc, id);
  return Buffer.from(encodeWorkshopFile({ title: 'Tampered', createdAt: 1, exportedAt: 2, appVersion: 'test' }, Y.encodeStateAsUpdate(doc)));
}
const fields = (doc: Y.Doc, id: string) => (doc.getMap('cards').get(id) as Y.Map<unknown>).get('fields') as Y.Map<unknown>;

for (const bad of [
  { name: 'foreign', bytes: Buffer.from('%PDF-1.7\nnot a workshop'), message: 'This is not a Bridgeboard workshop file.' },
  { name: 'truncated', bytes: Buffer.from([0x89, 0x42, 0x52, 0x44, 0x42, 0x52, 0x44, 0x0a, 0, 1, 0, 0]), message: 'The file is incomplete: it ends too early.' },
  { name: 'card-as-string', bytes: hostileFile((d, id) => d.getMap('cards').set(id, 'gone')), message: 'The file holds data that does not fit a Bridgeboard board (a plain value where the cards holds a map' },
  { name: 'card-as-text', bytes: hostileFile((d, id) => d.getMap('cards').set(id, new Y.Text('x'))), message: 'The file holds data that does not fit a Bridgeboard board (a shared type other than a map in the cards' },
  { name: 'field-as-object', bytes: hostileFile((d, id) => fields(d, id).set('title', { evil: true })), message: 'The file holds data that does not fit a Bridgeboard board (a value that does not fit a card’s fields ("title"))' },
  { name: 'foreign-root', bytes: hostileFile((d) => d.getMap('payload').set('x', 1)), message: 'The file holds data that does not fit a Bridgeboard board (a write to an unknown part of the board ("payload"))' },
]) {
  test(`importing a ${bad.name} file shows an error and adds nothing`, async ({ page }, testInfo) => {
    await startApp(page);
    await createWorkshop(page, 'Only one');
    await backToList(page);
    const path = testInfo.outputPath(`${bad.name}.bridgeboard`);
    await writeFile(path, bad.bytes);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-workshop').click();
    await (await chooser).setFiles(path);
    await expect(page.getByRole('alert').filter({ hasText: `Import failed: ${bad.message}` })).toBeVisible();
    // The app works on: the board that was there opens.
    await items(page).first().getByRole('button', { name: 'Only one', exact: true }).click();
    await expect(page.getByTestId('board-title')).toHaveText('Only one');
    await backToList(page);
    await page.reload();
    await expect(items(page)).toHaveCount(1);
  });
}

test('a link to a workshop that does not exist says so and leads back to the list', async ({ page }) => {
  await startApp(page);
  await page.goto('./#/w/no-such-workshop');
  await expect(page.getByRole('alert').filter({ hasText: 'This workshop does not exist (any more).' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to workshops' }).click();
  await expect(page.getByTestId('no-workshops')).toBeVisible();
});

test('the profile is asked once, kept across reloads, and can be changed for new cards', async ({ page }) => {
  await startApp(page, { name: 'Sam', side: 'facilitator' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Welcome to Bridgeboard' })).toHaveCount(0);
  await expect(page.getByTestId('profile-button')).toHaveText('Sam · Neutral');

  await createWorkshop(page, 'Authors');
  await addCard(page, 'parking', { Item: 'By Sam' });
  await page.getByTestId('profile-button').click();
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  await dialog.getByLabel('Your name').fill('');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Your name cannot be empty.');
  await dialog.getByLabel('Your name').fill('Kim');
  await dialog.getByRole('radio', { name: 'OT', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await addCard(page, 'parking', { Item: 'By Kim' });
  await expect(card(page, 'By Sam').getByTestId('card-side')).toHaveText('Neutral');
  await expect(card(page, 'By Sam')).toContainText('Sam');
  await expect(card(page, 'By Kim').getByTestId('card-side')).toHaveText('OT');
  await expect(card(page, 'By Kim')).toContainText('Kim');
});
