// Runs @doyensec/electronegativity over the main-process and preload sources, offline, and
// fails on any finding of medium severity or above. Findings that are wrong are suppressed in
// the source with an `eng-disable` comment next to a line saying why.
//
// Offline: the check that looks up Electron releases on the network is excluded, and the
// scanner's message catalogue is loaded from its package instead of being fetched.
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const scannerPackage = require.resolve('@doyensec/electronegativity/package.json');
const scannerRequire = createRequire(scannerPackage);
const electronVersion = require('electron/package.json').version;

// What the scanner's own i18n bootstrap does, minus its download of fresh translations: the
// runner calls that bootstrap itself, so a local stand-in is put in the module cache first.
const i18n = scannerRequire('i18n');
async function offlineI18n() {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(dirname(scannerPackage), 'dist', 'locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
}
const i18nPath = scannerRequire.resolve('./dist/locales/i18n.js');
const standIn = new Module(i18nPath);
standIn.filename = i18nPath;
standIn.loaded = true;
standIn.exports = { __esModule: true, default: offlineI18n };
require.cache[i18nPath] = standIn;

const run = scannerRequire('./dist/runner.js');
// A folder may be named on the command line (to check that the scan catches a known-bad sample).
const input = process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, 'electron');
const result = await run(
  {
    input,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const MEDIUM = 2; // the scanner's severity scale: informational 0, low 1, medium 2, high 3, critical 4
const describe = (issue) =>
  `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${issue.file}:${issue.location.line}` +
  (issue.manualReview ? '  (review)' : '');

console.log(`electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over ${input} (Electron ${electronVersion})`);
for (const error of result.errors) console.log(`  parse ${error.tolerable ? 'warning' : 'error'}: ${error.file}: ${error.message}`);
for (const issue of result.issues) console.log(`  ${describe(issue)}\n      ${issue.description}`);
const blocking = result.issues.filter((issue) => issue.severity.value >= MEDIUM);
const fatalErrors = result.errors.filter((error) => !error.tolerable);
if (blocking.length > 0 || fatalErrors.length > 0) {
  console.error(`security scan failed: ${blocking.length} finding(s) of medium severity or above, ${fatalErrors.length} file(s) not parsed`);
  process.exit(1);
}
console.log(`security scan passed: nothing of medium severity or above (${result.issues.length} lower finding(s) listed above)`);
