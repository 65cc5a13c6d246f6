// `npm start`: builds the renderer and the main process, then launches Electron. Where no
// Electron binary is available it says so in one line and points to the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolingNodeProblem } from './toolingNode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * The Electron executable's path, or null if the npm package has no binary. Mirrors what the
 * electron package's index.js does, without its noisy download attempt on require.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && override === undefined) return null;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(override ?? join(packageDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

/** One quiet download attempt (the postinstall may have run offline); false if it failed. */
function tryDownload() {
  try {
    const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
    return spawnSync(process.execPath, [install], { cwd: root, stdio: 'ignore', timeout: 120_000 }).status === 0;
  } catch {
    return false;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const binary = electronBinary() ?? (tryDownload() ? electronBinary() : null);
if (binary === null) {
  // Electron's download (@electron/get) needs a newer Node than the rest: say so when that is why.
  const node = toolingNodeProblem();
  console.error(`Bridgeboard: no Electron binary is installed here and it could not be downloaded${node ? ` (${node})` : ''}; run \`npm run web\` to use Bridgeboard in a browser instead.`);
  process.exit(1);
}

run('npx', ['vite', 'build']);
run(process.execPath, [join(root, 'scripts', 'buildElectron.mjs')]);
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
