// The relay benchmark's app windows: the built renderer served on 127.0.0.1, each window its own
// headless Chromium process with relayBenchProbe.ts as an init script and the mesh size set on
// the device (localStorage 'bridgeboard.room.meshSize', docs/rooms.md). A person in a window
// hosts or joins through the real UI, as bench/appLatencyBench.ts does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticServer } from '../scripts/staticServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--allow-loopback-in-peer-connection', '--use-fake-ui-for-media-stream',
];
const nodeNow = (): number => performance.timeOrigin + performance.now();

export interface AppSite {
  readonly url: string;
  readonly probe: string;
  close(): Promise<void>;
}

/** Builds the renderer and the probe, and serves the renderer. */
export async function serveApp(): Promise<AppSite> {
  const outDir = path.join(root, 'dist/bench-relay-renderer');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const out = await esbuild({ entryPoints: [path.join(root, 'bench/relayBenchProbe.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  const app = await startStaticServer(outDir, 0);
  return { url: app.url, probe: out.outputFiles[0]?.text ?? '', close: () => app.close() };
}

export interface AppWindow {
  readonly browser: Browser;
  readonly page: Page;
  /** This page's clock minus the benchmark's (best of several round trips). */
  offset: number;
}

export async function openWindow(site: AppSite, meshSize: number): Promise<AppWindow> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: site.url, viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: `localStorage.setItem('bridgeboard.room.meshSize', ${JSON.stringify(String(meshSize))});\n${site.probe}` });
    return { browser, page: await context.newPage(), offset: 0 };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** NTP-style: the page clock's offset from the benchmark's, from the fastest of 15 round trips. */
export async function measureClock(w: AppWindow): Promise<void> {
  let error = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 15; i++) {
    const t0 = nodeNow();
    const pageNow = await w.page.evaluate<number>('bbRelay.clock()');
    const t1 = nodeNow();
    if ((t1 - t0) / 2 < error) {
      error = (t1 - t0) / 2;
      w.offset = pageNow - (t0 + t1) / 2;
    }
  }
}

/** The facilitator creates a workshop and opens a room on `signalingUrl`; returns the web invite.
 * Also the latency bench's host (bench/appLatencyBench.ts), with its own wait. */
export async function hostRoom(page: Page, title: string, signalingUrl: string, timeoutMs = 60_000): Promise<string> {
  await page.goto('./');
  const welcome = page.getByRole('dialog', { name: 'Welcome to Bridgeboard' });
  await welcome.getByLabel('Your name').fill('Fiona Facilitator');
  await welcome.getByRole('radio', { name: 'Neutral', exact: true }).check();
  await welcome.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel('New workshop title').fill(title);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByTestId('board-title').waitFor();
  await page.getByTestId('open-room').click();
  const dialog = page.getByTestId('open-room-dialog');
  await dialog.getByLabel('Signaling server address').fill(signalingUrl);
  await dialog.getByRole('button', { name: 'Open room' }).click();
  const invite = page.getByTestId('invite-dialog');
  await invite.waitFor({ timeout: timeoutMs });
  const link = await invite.getByTestId('invite-web-link').inputValue();
  await invite.getByRole('button', { name: 'Done' }).click();
  return link;
}

/** A participant follows the web invite and fills in the join form. */
export async function joinRoom(page: Page, link: string, n: number, timeoutMs = 60_000): Promise<void> {
  await page.goto(link);
  const form = page.getByRole('form', { name: 'Join a workshop' });
  await form.getByLabel('Your name').fill(`Person ${n}`);
  await form.getByRole('radio', { name: n % 2 ? 'IT' : 'OT', exact: true }).check();
  await form.getByLabel('Your role').fill('Engineer');
  await form.getByRole('button', { name: 'Join workshop' }).click();
  await page.getByTestId('board').waitFor({ timeout: timeoutMs });
}

/** Opens the card editor on a new goal and types its title, short of the Enter that saves it. */
export async function typeCard(page: Page, title: string): Promise<void> {
  const dialog = page.getByTestId('card-editor');
  await dialog.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  for (let attempt = 0; !(await dialog.isVisible()) && attempt < 10; attempt++) {
    await page.getByTestId('add-card-goals').click();
    await dialog.waitFor({ timeout: 1500 }).catch(() => undefined);
  }
  await dialog.locator('input[data-field="title"]').fill(title);
}

/** Presses the Enter that saves the typed card; returns when, on the benchmark's clock. */
export async function saveCard(w: AppWindow): Promise<number> {
  await w.page.getByTestId('card-editor').locator('input[data-field="title"]').press('Enter');
  return (await w.page.evaluate<number>('bbRelay.enterAt()')) - w.offset;
}
