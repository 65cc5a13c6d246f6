// The app's charter verifier runs in a Web Worker under the app's strict CSP: a valid export
// verifies, a decompression bomb is refused with the same reason the CLI gives, and while the
// costliest legal file is verified the page keeps drawing frames (checked the other way round
// by hand too: with verifyInWorker swapped for a direct call, this test fails).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
// The test process renders charters with the fonts the project installs, as the CLI does.
import '../support/charterFontsSetup';
import { renderCharterPdf, VERIFY_LIMITS } from '../../shared/charter';
import { makeRoom, signedBundle } from '../shared/charter/charterFixtures';
import { costlyBundle, pdfWithAttachment, zlibOfZeros } from '../support/hostileCharterFiles';
import { startApp } from './fixtures/boardPage';

interface FrameLog {
  frames: number[];
  busy: [number, number | null][];
}

/** Records every animation frame, and when the "Verifying…" note shows and goes, in page time. */
async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: FrameLog = { frames: [], busy: [] };
    (window as unknown as { frameLog: FrameLog }).frameLog = log;
    const tick = (t: number) => {
      log.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="verify-busy"]') !== null;
      const open = log.busy[log.busy.length - 1];
      if (shown && (!open || open[1] !== null)) log.busy.push([performance.now(), null]);
      if (!shown && open && open[1] === null) open[1] = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

test('verifies charter files in a worker: a valid one, a bomb, and the costliest legal one without freezing the page', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'bb-verify-e2e-'));
  const files = { good: join(dir, 'charter.pdf'), bomb: join(dir, 'bomb.pdf'), heavy: join(dir, 'heavy.pdf') };
  writeFileSync(files.good, await renderCharterPdf(signedBundle(makeRoom())));
  writeFileSync(files.bomb, pdfWithAttachment(await zlibOfZeros(200 * 1024 * 1024)));
  // The costliest legal PDF: every signature the limits allow, each checked twice, and a bundle
  // filled to its limit with text that is slow to lay out.
  writeFileSync(files.heavy, await renderCharterPdf(costlyBundle({ signers: VERIFY_LIMITS.maxSignatures, fillTo: VERIFY_LIMITS.maxBundleBytes })));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await startApp(page);
  await page.getByTestId('verify-charter-button').click();
  const dialog = page.getByTestId('verify-charter-dialog');
  const choose = async (file: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByTestId('verify-open').click()]);
    await chooser.setFiles(file);
  };

  await choose(files.good);
  await expect(dialog.getByTestId('verdict-summary')).toContainText('Valid: version 1');
  await expect(dialog.getByTestId('signer')).toHaveCount(3);
  // The verdict came from a worker running the bundled verifier, served by the app itself.
  expect(workers).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/assets\/verifyWorker-[\w-]+\.js$/)]);

  await choose(files.bomb);
  await expect(dialog.getByTestId('verify-result')).toContainText('Unreadable: the charter-bundle.json attachment inflates to more than 1 MiB, the limit for a charter bundle, so it was not read');

  await watchFrames(page);
  await choose(files.heavy);
  await expect(dialog.getByTestId('verify-busy')).toHaveText('Verifying heavy.pdf…');
  await expect(dialog.getByTestId('verdict-summary')).toContainText('Not valid', { timeout: 60_000 });
  await expect(dialog.getByTestId('verify-busy')).toHaveCount(0);
  const log = await page.evaluate(() => (window as unknown as { frameLog: FrameLog }).frameLog);
  const [start, end] = log.busy[0] ?? [0, null];
  if (end === null) throw new Error('the "Verifying…" note never went away');
  // Up to the last frame before the verdict shows: drawing 250 signers' verdicts is the page's
  // own work, after the worker answered.
  const during = log.frames.filter((t) => t >= start && t <= end);
  const marks = [start, ...during];
  const gaps = marks.slice(1).map((t, i) => t - (marks[i] ?? t));
  const longest = Math.max(0, ...gaps);
  // Time the page could not draw: every gap beyond three frames counts.
  const stalled = gaps.reduce((sum, gap) => sum + Math.max(0, gap - 50), 0) / Math.max(1, end - start);
  // Measured here on a loaded machine: in the worker, 3 to 5 s of verifying, a frame every
  // 17-50 ms (up to 200 ms with another spec beside it), stalled 0%; verifying on the main
  // thread instead (verifyInWorker swapped for a direct call), the page stalled for 39% of the
  // time, in gaps of up to 870 ms.
  test.info().annotations.push({ type: 'verify', description: `${Math.round(end - start)} ms verifying, ${during.length} frames, longest gap ${Math.round(longest)} ms, stalled ${Math.round(stalled * 100)}%` });
  expect(during.length).toBeGreaterThan(5);
  expect(stalled).toBeLessThan(0.15);
  expect(longest).toBeLessThan(1000);
  expect(errors.filter((e) => /Content Security Policy|worker/i.test(e))).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});
