// Gives a page a wrong clock: Date.now() runs `skewMs` off the real time from the first script
// on, as on a laptop whose clock was never set. Facilitation reads time only through Date.now().
import type { Page } from '@playwright/test';

export async function skewClock(page: Page, skewMs: number): Promise<void> {
  await page.addInitScript((skew: number) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + skew;
  }, skewMs);
}
