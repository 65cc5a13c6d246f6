// Render benchmark: a 2,000-card board built in Node with the shared board operations, written
// as a .bridgeboard file, imported into the real renderer (browser host, Chromium) the way a
// user would, then opened and edited. Prints figures; asserts nothing.
// Targets: load < 200 ms, first render < 500 ms, one edit re-rendered < 16 ms.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { addCard, SECTION_IDS, type Side } from '../shared/board';
import { initWorkshop } from '../shared/schema';
import { encodeWorkshopFile } from '../shared/workshopFile';
import { startStaticServer } from '../scripts/staticServer.mjs';
import { median, report, time } from './benchUtil';

const CARDS = 2_000;
const EDITS = 15;
/** BENCH_PROFILE=file.cpuprofile: profile the card edits, on an unminified build so names read. */
const profilePath = process.env.BENCH_PROFILE;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function buildBoard(): Uint8Array {
  const doc = new Y.Doc();
  initWorkshop(doc, { title: 'Bench board', facilitator: 'Bench', createdAt: Date.now() });
  const sides: Side[] = ['IT', 'OT', 'facilitator'];
  for (let i = 0; i < CARDS; i++) {
    const section = SECTION_IDS[i % SECTION_IDS.length] ?? 'parking';
    addCard(doc, { section, fields: { title: `Card ${i}: a realistic sentence about the topic` }, author: { name: `Person ${i % 17}`, side: sides[i % 3] ?? 'IT' } }, Date.now());
  }
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Runs `action` (a fixed statement from this file) in the page and resolves with the ms until
 * the next frame and until just after it. Page code is passed as strings because tsx would
 * otherwise wrap functions with helpers that do not exist in the page.
 */
async function timeInPage(page: Page, action: string): Promise<{ work: number; frame: number; paint: number }> {
  return page.evaluate(`(async () => {
    const start = performance.now();
    ${action};
    // React flushes discrete updates in a microtask; then force style and layout, so "work" is
    // everything the browser must do before it can paint, without waiting for the next vsync.
    await Promise.resolve();
    await Promise.resolve();
    document.body.getBoundingClientRect();
    const work = performance.now() - start;
    const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const paint = await new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0));
    return { work, frame: frame - start, paint: paint - start };
  })()`);
}

async function main(): Promise<void> {
  const { ms: buildMs, value: state } = time(buildBoard);
  const file = encodeWorkshopFile({ title: 'Bench board', createdAt: Date.now(), exportedAt: Date.now(), appVersion: 'bench' }, state);
  const dir = await mkdtemp(path.join(tmpdir(), 'bb-render-'));
  const filePath = path.join(dir, 'bench.bridgeboard');
  await writeFile(filePath, file);

  // Its own build folder, so a concurrent build of dist/renderer cannot disturb the figures.
  const outDir = path.join(root, 'dist/bench-renderer');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(profilePath ? { minify: false } : {}) } });
  const server = await startStaticServer(outDir, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addInitScript(`localStorage.setItem('bridgeboard.profile', JSON.stringify({ name: 'Bench', side: 'IT' }))`);
    const page = await context.newPage();
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-workshop').click();
    const importStart = Date.now();
    await (await chooser).setFiles(filePath);
    await page.getByRole('button', { name: 'Bench board', exact: true }).waitFor();
    const importMs = Date.now() - importStart;

    await page.getByRole('button', { name: 'Bench board', exact: true }).click();
    // Polled from outside: waitForFunction with a string would need eval, which the CSP forbids.
    while (!(await page.evaluate<boolean>("performance.getEntriesByName('bb:board-painted').length > 0"))) await page.waitForTimeout(20);
    const open = await page.evaluate<{ load: number; rendered: number; painted: number; nodes: number }>(`(() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      return {
        load: performance.getEntriesByName('bb:load')[0].duration,
        rendered: at('bb:board-rendered') - at('bb:load:end'),
        painted: at('bb:board-painted') - at('bb:load:end'),
        nodes: document.querySelectorAll('*').length,
      };
    })()`);
    // Every card in the DOM (the columns render the cards beyond the first frame right after).
    const sectionsDone = "performance.getEntriesByName('bb:section-complete').length >= 8";
    while (!(await page.evaluate<boolean>(sectionsDone))) await page.waitForTimeout(100);
    const complete = await page.evaluate<number>(
      "Math.max(...performance.getEntriesByName('bb:section-complete').map((e) => e.startTime)) - performance.getEntriesByName('bb:load:end')[0].startTime",
    );
    const cardCount = await page.getByTestId('card').count();

    // BENCH_PROFILE=file.cpuprofile records the edits in a CPU profile (open it in DevTools).
    const profiler = profilePath ? await context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
    }
    // One field edit through the card editor, as a user saves it; the re-render is what we time.
    const editWork: number[] = [];
    const editFrames: number[] = [];
    const editPaints: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const card = page.getByTestId('section-goals').getByTestId('card').nth(100);
      await card.locator('[data-control="edit"]').click();
      await page.getByTestId('card-editor').getByLabel('Target').fill(`target ${i}`);
      const t = await timeInPage(page, "document.querySelector('[data-testid=card-editor] form').requestSubmit()");
      await page.getByTestId('card-editor').waitFor({ state: 'detached' });
      editWork.push(t.work);
      editFrames.push(t.frame);
      editPaints.push(t.paint);
    }
    if (profiler && profilePath) {
      const { profile } = await profiler.send('Profiler.stop');
      await writeFile(profilePath, JSON.stringify(profile));
      console.log(`  CPU profile of the edits written to ${profilePath}`);
    }
    // A keyboard reorder (Alt+Down) re-renders two cards and one section list.
    const moveWork: number[] = [];
    const moveFrames: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const t = await timeInPage(
        page,
        "document.querySelector('[data-testid=section-risks] [data-testid=card] [data-control=down]:not([disabled])').click()",
      );
      moveWork.push(t.work);
      moveFrames.push(t.frame);
    }

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(`  ${cardCount} cards on the board; ${open.nodes} DOM elements at first paint`);
    report([
      ['build 2,000-card board in Node', fmt(buildMs)],
      ['.bridgeboard file size', `${(file.length / 1024).toFixed(0)} KB`],
      ['import file (pick → listed)', `${importMs} ms`],
      ['load from storage (IndexedDB → doc)', `${fmt(open.load)}   target < 200 ms`],
      ['first render (doc → DOM committed)', fmt(open.rendered)],
      ['first render (doc → next frame painted)', `${fmt(open.painted)}   target < 500 ms`],
      ['all 2,000 cards in the DOM (doc → committed)', fmt(complete)],
      [`card edit (editor save), median of ${EDITS}: render + style + layout`, `${fmt(median(editWork))}   target < 16 ms`],
      [`card edit (editor save): until next frame / after it`, `${fmt(median(editFrames))} / ${fmt(median(editPaints))}`],
      [`keyboard reorder, median of ${EDITS}: render + style + layout`, fmt(median(moveWork))],
      [`keyboard reorder: until next frame`, fmt(median(moveFrames))],
      ['JS heap used (after GC)', `${mb(heap.usedSize)} of ${mb(heap.totalSize)}`],
    ]);
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
