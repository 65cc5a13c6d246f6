// End-to-end tests: the real renderer on the browser host, in Debian's Chromium, served from a
// fresh build on 127.0.0.1.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    headless: true,
  },
  // Room specs start several Chromium processes each: one at a time, beside the other specs.
  projects: [
    { name: 'app', testIgnore: /room[^/]*\.spec\.ts$/ },
    { name: 'rooms', testMatch: /room[^/]*\.spec\.ts$/, workers: 1 },
  ],
  webServer: {
    command: 'node scripts/web.mjs',
    // Its own build folder: another build of dist/renderer during the run must not break it.
    env: { PORT: String(PORT), STRICT_PORT: '1', WEB_OUT_DIR: 'dist/e2e-renderer' },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
