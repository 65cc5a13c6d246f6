// Helpers that drive the charter view as a user does, shared by the charter e2e specs.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { fillAndAddCard, openCardEditor } from '../fixtures/boardPage';

export async function openCharter(page: Page): Promise<void> {
  await page.getByTestId('open-charter').click();
  await expect(page.getByRole('heading', { name: /^Charter: / })).toBeVisible();
  // The key is on the roster once my row shows a fingerprint.
  await expect(page.getByTestId('identity-panel').getByTestId('fingerprint')).toBeVisible();
}

export const version = (page: Page, n: number): Locator => page.locator(`[data-testid="charter-version"][data-version="${n}"]`);

export async function myFingerprint(page: Page): Promise<string> {
  return (await page.getByTestId('identity-panel').getByTestId('fingerprint').innerText()).replace(/\s+/g, ' ').trim();
}

/** Clicks an export button and returns the saved download's path. */
export async function exportAs(page: Page, n: number, button: 'export-pdf' | 'export-md' | 'export-json', to: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), version(page, n).getByTestId(button).click()]);
  await download.saveAs(to);
  return to;
}

export async function fillDraft(page: Page, draft: { purpose: string; scope: string; reviewDate: string }): Promise<void> {
  const panel = page.getByTestId('charter-draft');
  await panel.getByLabel('Purpose').fill(draft.purpose);
  await panel.getByLabel('Scope').fill(draft.scope);
  await panel.getByLabel('Review date').fill(draft.reviewDate);
  await panel.getByLabel('Review date').blur();
  await expect(panel.getByLabel('Purpose')).toHaveValue(draft.purpose);
}

/**
 * Adds a card through the editor, like fixtures/boardPage's addCard, opening the editor with
 * openCardEditor (which retries a click that moving content made miss). `fields` are by label.
 */
export async function addCardRetrying(page: Page, sectionId: string, fields: Record<string, string>): Promise<void> {
  await fillAndAddCard(await openCardEditor(page, sectionId), fields);
}

/** Freezes the draft as the facilitator: the freeze button, then the confirmation that shows what changed. */
export async function freeze(page: Page): Promise<Locator> {
  await page.getByTestId('freeze').click();
  const dialog = page.getByTestId('freeze-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-freeze').click();
  await expect(dialog).toBeHidden();
  return dialog;
}

/** Sets the quorum for the next version (a reason is needed below the default) and applies it. */
export async function setQuorum(page: Page, rule: { it: number; ot: number; reason?: string }): Promise<void> {
  const settings = page.getByTestId('quorum-settings');
  await settings.getByLabel('IT signers at least').fill(String(rule.it));
  await settings.getByLabel('OT signers at least').fill(String(rule.ot));
  if (rule.reason !== undefined) await settings.getByTestId('quorum-reason').fill(rule.reason);
  await settings.getByTestId('quorum-apply').click();
  // Applied once the facilitator's signed action is back in the view: the button goes away.
  await expect(settings.getByTestId('quorum-apply')).toBeHidden();
  await expect(settings.getByLabel('IT signers at least')).toHaveValue(String(rule.it));
}
