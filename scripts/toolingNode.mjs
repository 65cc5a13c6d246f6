// The Node a developer machine needs for Electron 45's own tooling (@electron/get downloads the
// binary for `npm start`, @electron/rebuild and electron-builder package for `npm run dist`):
// package.json's engines.node. Everything else (npm ci, the tests, lint, typecheck, `npm run
// web`, the CLI and `bridgeboard serve`) still runs on Node 20.19, and npm only warns
// (EBADENGINE) about engines unless engine-strict is set, so `npm ci` keeps working there.
// `node scripts/toolingNode.mjs WHAT` exits 1 with one line saying so when this Node is older.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'));

/** The lowest version engines.node allows, as [major, minor, patch]. */
export function requiredNode() {
  const match = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(String(pkg.engines?.node ?? '').trim());
  if (!match) throw new Error(`package.json engines.node should read ">=X.Y": ${pkg.engines?.node}`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** null when this Node can run Electron's tooling, else the sentence that says why not. */
export function toolingNodeProblem(version = process.versions.node) {
  const have = version.split('.').map(Number);
  const need = requiredNode();
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) > need[i]) return null;
    if ((have[i] ?? 0) < need[i]) return `Electron 45's tooling needs Node ${need.join('.')} or later; this is Node ${version}`;
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = toolingNodeProblem();
  if (problem) {
    console.error(`Bridgeboard: ${process.argv[2] ?? 'this command'} cannot run: ${problem}.`);
    process.exit(1);
  }
}
