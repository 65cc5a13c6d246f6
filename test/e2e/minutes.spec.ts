// Taking the workshop's minutes (issue 15): the whole board, every section and the parking lot,
// saved as Markdown, CSV and a PDF (read back with poppler's pdftotext), in the reader's
// language; and any page printing as a document (Chromium's own print-to-PDF, read back too).
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addCard, createWorkshop, settle, startApp } from './fixtures/boardPage';

function pdfText(file: string): string {
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout.replace(/[ \t]+/g, ' ');
}

async function save(page: Page, format: 'md' | 'csv' | 'pdf', path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(`minutes-${format}`).click();
  const file = await download;
  await file.saveAs(path);
  return file.suggestedFilename();
}

async function board(page: Page): Promise<void> {
  await createWorkshop(page, 'Line 4 AI rollout');
  await addCard(page, 'goals', { Goal: 'Fewer unplanned stops', Metric: 'Unplanned downtime per month', 'IT owner': 'Alan Turing', 'OT owner': 'Ada Lovelace' });
  await addCard(page, 'risks', { Risk: 'Model pulls data through the DMZ', Safeguard: 'One-way conduit' });
  await addCard(page, 'parking', { Item: 'Who pays for the GPU servers?' });
  await settle(page);
}

test('the minutes: the whole board as Markdown, CSV and PDF', async ({ page }, testInfo) => {
  await startApp(page);
  await board(page);
  await page.getByTestId('minutes-button').click();
  const dialog = page.getByRole('dialog', { name: 'Take the minutes' });
  await expect(dialog).toBeVisible();

  const md = testInfo.outputPath('minutes.md');
  expect(await save(page, 'md', md)).toBe('Line 4 AI rollout - minutes.md');
  await expect(page.getByRole('status', { name: 'Notices' })).toContainText('Minutes saved as Line 4 AI rollout - minutes.md.');
  const markdown = await readFile(md, 'utf8');
  expect(markdown).toMatch(/^# Minutes: Line 4 AI rollout\n/);
  for (const heading of ['1. Common goals', '5. Risks and safeguards', '8. Parking lot']) expect(markdown).toContain(`\n## ${heading}\n`);
  expect(markdown).toContain('### 1. Fewer unplanned stops\n\n- Status: Proposed · Side: OT · Author: Ada Lovelace');
  expect(markdown).toContain('- IT owner: Alan Turing\n- OT owner: Ada Lovelace');
  expect(markdown).toContain('### 1. Who pays for the GPU servers?');

  await page.getByTestId('minutes-button').click();
  const csvPath = testInfo.outputPath('minutes.csv');
  expect(await save(page, 'csv', csvPath)).toBe('Line 4 AI rollout - minutes.csv');
  const csv = await readFile(csvPath, 'utf8');
  const [header, ...rows] = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  expect(header).toMatch(/^Section,No\.,Title,Status,Side,Author,/);
  expect(header).toContain('IT owner');
  expect(rows).toHaveLength(3);
  expect(rows[2]).toMatch(/^Parking lot,1,Who pays for the GPU servers\?,Proposed,OT,Ada Lovelace/);

  await page.getByTestId('minutes-button').click();
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.ttf')) fonts.push(request.url());
  });
  const pdf = testInfo.outputPath('minutes.pdf');
  expect(await save(page, 'pdf', pdf)).toBe('Line 4 AI rollout - minutes.pdf');
  // English needs Noto Sans alone: the 10 MB Chinese font is not read.
  expect(fonts.map((url) => url.replace(/^.*\/([A-Za-z]+_\d+\w+?)[-.].*$/, '$1')).sort()).toEqual(['NotoSans_400Regular', 'NotoSans_700Bold']);
  const text = pdfText(pdf);
  for (const s of ['Minutes: Line 4 AI rollout', '1. Common goals', 'Fewer unplanned stops', 'IT owner: Alan Turing', 'Safeguard: One-way conduit', '8. Parking lot', 'Who pays for the GPU servers?', 'page 1 of']) expect(text).toContain(s);
  expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the minutes in Chinese: the PDF embeds the Chinese font, read from the app itself', async ({ page }, testInfo) => {
  await startApp(page);
  await board(page);
  await page.getByTestId('language-picker').selectOption('zh-Hans');
  await page.getByTestId('minutes-button').click();
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.ttf')) fonts.push(request.url());
  });
  const pdf = testInfo.outputPath('minutes-zh.pdf');
  expect(await save(page, 'pdf', pdf)).toBe('Line 4 AI rollout - 会议纪要.pdf');
  const text = pdfText(pdf);
  for (const s of ['会议纪要：Line 4 AI rollout', '共同目标', '议题停车场', 'Fewer unplanned stops', '第 1 页，共']) expect(text).toContain(s);
  // The Chinese font too, and every font from the app's own origin.
  expect(fonts.some((url) => /NotoSansSC_400Regular/.test(url))).toBe(true);
  expect(fonts.every((url) => url.startsWith(new URL(page.url()).origin))).toBe(true);
});

test('a page prints as a document: the sections one after another, no app controls', async ({ page }, testInfo) => {
  await startApp(page);
  await board(page);
  // The Print button opens the browser's print dialog.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByTestId('print').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Export file' })).toBeHidden();
  await expect(page.getByTestId('status-region')).toBeHidden();
  await expect(page.getByTestId('board-title')).toBeVisible();
  // Stacked: every section starts at the same left edge, below the one before.
  const boxes = await page.locator('[data-testid^="section-"]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: Math.round(r.y) })));
  expect(boxes).toHaveLength(8);
  expect(new Set(boxes.map((b) => b.x)).size).toBe(1);
  expect(boxes.every((b, i) => i === 0 || b.y > (boxes[i - 1]?.y ?? 0))).toBe(true);

  const file = testInfo.outputPath('board-print.pdf');
  await writeFile(file, await page.pdf({ format: 'A4' }));
  const text = pdfText(file);
  for (const s of ['Line 4 AI rollout', 'Common goals', 'Fewer unplanned stops', 'Risks and safeguards', 'Model pulls data through the DMZ', 'Parking lot', 'Who pays for the GPU servers?']) expect(text).toContain(s);
  for (const control of ['Export file', 'Minutes', 'Add card', 'Workshops']) expect(text).not.toContain(control);

  // With the history open, the dialog prints alone, without its buttons.
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('open-history').click();
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('history-entry').first()).toBeVisible();
  await expect(history.getByTestId('print')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(history).toBeVisible();
  await expect(history.getByTestId('print')).toBeHidden();
  await expect(page.getByTestId('board-title')).toBeHidden();
  await expect(page.getByTestId('section-goals')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await history.getByRole('button', { name: 'Close' }).click();

  // The charter page has its Print button too, and prints without it.
  await page.getByTestId('open-charter').click();
  await expect(page.getByRole('heading', { name: 'Charter: Line 4 AI rollout' })).toBeVisible();
  const charterPrint = page.locator('.charter-print').getByTestId('print');
  await expect(charterPrint).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Charter: Line 4 AI rollout' })).toBeVisible();
  await expect(charterPrint).toBeHidden();
  const charter = testInfo.outputPath('charter-print.pdf');
  await writeFile(charter, await page.pdf({ format: 'A4' }));
  expect(pdfText(charter)).toContain('Charter: Line 4 AI rollout');
});
