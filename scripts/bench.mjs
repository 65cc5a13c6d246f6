// `npm run bench`: runs every bench/*Bench.ts in turn and lets each print its figures.
// `npm run bench -- storage` runs only the benchmarks whose file name contains "storage".
// Benchmarks that open browsers run in a loopback-only network namespace where possible.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => /Bench\.ts$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((k) => f.toLowerCase().includes(k)))
  .sort();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const netns =
  process.platform === 'linux' && spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' }).status === 0;

console.log(`Bridgeboard benchmarks on ${process.platform}/${process.arch}, node ${process.version}`);
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const cmd = `${JSON.stringify(tsx)} ${JSON.stringify(path.join('bench', file))}`;
  const r = netns
    ? spawnSync('unshare', ['-rn', 'sh', '-c', `ip link set lo up && exec ${cmd}`], { cwd: root, stdio: 'inherit' })
    : spawnSync('sh', ['-c', cmd], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(${file} exited with ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
