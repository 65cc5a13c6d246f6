// Smoke test of the desktop app itself: Electron starts the built app, the renderer finds the
// Electron host, and a workshop with a card can be created. It needs an Electron binary; where
// there is none (no download possible) it is reported as skipped, with the reason.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { addCard as addCardToDoc } from '../../shared/board';
import { initWorkshop } from '../../shared/schema';
import { encodeWorkshopFile } from '../../shared/workshopFile';
import { addCard, cardsIn, createWorkshop } from './fixtures/boardPage';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Electron executable the electron npm package downloaded, or null (as scripts/start.mjs finds it). */
function electronBinary(): string | null {
  const override = process.env.ELECTRON_PATH;
  if (override !== undefined && existsSync(override)) return override;
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(binary === null, 'No Electron binary: node_modules/electron has no downloaded dist (set ELECTRON_PATH to run this test)');

  test('opens, creates a workshop and adds a card that is stored through the main process', async () => {
    test.setTimeout(180_000);
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    execFileSync(process.execPath, [join(root, 'scripts', 'buildElectron.mjs')], { cwd: root, stdio: 'inherit' });
    const userData = mkdtempSync(join(tmpdir(), 'bb-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      // Chromium refuses its OS sandbox as root (CI containers); the renderer sandbox flag stays on.
      args: [root, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: root,
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveURL(/^app:\/\/bridgeboard\//);
      expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).bridgeboard)).toBe('object');
      expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');

      const welcome = page.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
      await expect(welcome).toBeVisible();
      await welcome.getByLabel('Your name').fill('Grace Hopper');
      await welcome.getByRole('radio', { name: 'IT', exact: true }).check();
      await welcome.getByRole('button', { name: 'Save profile' }).click();

      await createWorkshop(page, 'Line 4 smoke test');
      await addCard(page, 'goals', { Goal: 'Fewer unplanned stops' });
      await expect(cardsIn(page, 'goals')).toHaveCount(1);

      // The main process has it: ask through the same bridge the renderer uses.
      const listed = await page.evaluate(async () => {
        const bridge = (globalThis as unknown as { bridgeboard: { storage: { list(request: object): Promise<unknown> } } }).bridgeboard;
        return JSON.stringify(await bridge.storage.list({}));
      });
      expect(listed).toContain('"ok":true');
      expect(listed).toContain('Line 4 smoke test');
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });

  test('a .bridgeboard file the app is launched with (a double-click in the OS) is imported and opened', async () => {
    test.setTimeout(180_000);
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    execFileSync(process.execPath, [join(root, 'scripts', 'buildElectron.mjs')], { cwd: root, stdio: 'inherit' });
    const userData = mkdtempSync(join(tmpdir(), 'bb-electron-'));
    const doc = new Y.Doc();
    initWorkshop(doc, { title: 'Opened from the desktop', facilitator: 'Ada', createdAt: 1_700_000_000_000 });
    addCardToDoc(doc, { section: 'goals', fields: { title: 'Fewer unplanned stops' }, author: { name: 'Ada', side: 'OT' } }, 1_700_000_000_001);
    const file = join(userData, 'Opened from the desktop.bridgeboard');
    writeFileSync(file, encodeWorkshopFile({ title: 'Opened from the desktop', createdAt: 1_700_000_000_000, exportedAt: 1_700_000_100_000, appVersion: 'test' }, Y.encodeStateAsUpdate(doc)));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [root, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), file],
      cwd: root,
    });
    try {
      const page = await app.firstWindow();
      const welcome = page.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
      await welcome.getByLabel('Your name').fill('Grace Hopper');
      await welcome.getByRole('radio', { name: 'IT', exact: true }).check();
      await welcome.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByTestId('board-title')).toHaveText('Opened from the desktop');
      await expect(cardsIn(page, 'goals')).toHaveCount(1);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
