// `npm test`: every check the project has, in order, then one closing line
// "N passed, N failed, N skipped". Static checks (lint, types, security scan) count as one
// test each; vitest and Playwright report their own counts through their JSON reporters.
// Browser tests run inside a network namespace with only loopback, so no packet leaves the
// machine (WebRTC there gathers 127.0.0.1 host candidates only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const only = new Set(process.argv.slice(2));
const wanted = (stage) => only.size === 0 || only.has(stage);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) totals.passed++;
  else {
    totals.failed++;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Can we make a loopback-only network namespace here? */
function netnsAvailable() {
  if (process.platform !== 'linux' || process.env.BRIDGEBOARD_NO_NETNS) return false;
  const r = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
  return r.status === 0;
}

if (wanted('lint')) check('lint', bin('eslint'), ['.']);
if (wanted('types')) check('typecheck', bin('tsc'), ['-b']);
if (wanted('security') && existsSync(path.join(root, 'scripts/securityScan.mjs'))) check('security scan', process.execPath, ['scripts/securityScan.mjs']);

if (wanted('unit')) {
  const out = path.join(results, 'unit.json');
  rmSync(out, { force: true });
  const ok = run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const report = readJson(out);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTests > 0 || !ok) failures.push('vitest');
    if (!ok && report.numFailedTests === 0) totals.failed++; // e.g. a file that failed to load
  } else {
    totals.failed++;
    failures.push('vitest (no report)');
  }
}

if (wanted('e2e')) {
  const out = path.join(results, 'e2e.json');
  rmSync(out, { force: true });
  const env = { PLAYWRIGHT_JSON_OUTPUT_FILE: out, PLAYWRIGHT_JSON_OUTPUT_NAME: out };
  const playwright = `${JSON.stringify(bin('playwright'))} test --reporter=list,json`;
  const ok = netnsAvailable()
    ? run('browser tests (Playwright, loopback-only network namespace)', 'unshare', ['-rn', 'sh', '-c', `ip link set lo up && exec ${playwright}`], env)
    : run('browser tests (Playwright)', 'sh', ['-c', playwright], env);
  const report = readJson(out);
  if (report?.stats) {
    const s = report.stats;
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    if (s.unexpected > 0 || !ok) failures.push('playwright');
    if (!ok && s.unexpected === 0) totals.failed++;
  } else {
    totals.failed++;
    failures.push('playwright (no report)');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
