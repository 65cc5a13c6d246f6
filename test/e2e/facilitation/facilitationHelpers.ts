// Helpers for the facilitation specs: the facilitator's controls and the phase banner, driven
// by their labels and test ids as a user would.
import { expect, type Page } from '@playwright/test';

export const phaseTitle = (page: Page) => page.getByTestId('phase-title');
export const bar = (page: Page) => page.getByRole('toolbar', { name: 'Facilitator controls' });

/** Presses "Next phase" (or "Start the agenda") until the banner shows `title`. */
export async function goToPhase(page: Page, title: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if ((await phaseTitle(page).textContent()) === title) return;
    await page.getByTestId('phase-next').click();
    await expect(phaseTitle(page)).not.toHaveText('Agenda not started');
  }
  await expect(phaseTitle(page)).toHaveText(title);
}

/** Seconds shown by the timer ("m:ss"). */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('timer-value').textContent()) ?? '';
  const [m, s] = text.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}
