// Bundles the bridgeboard CLI into one CommonJS file, dist-cli/bridgeboard.cjs, the package's bin
// (run by `npm ci` through `prepare`, so `npx bridgeboard` works right after it), and builds the
// web app into dist-cli/web/, where `bridgeboard serve` looks first: the folder dist-cli/ is then
// everything a server needs besides Node (a few seconds; the bundle alone is half a second).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: ['cli/bridgeboard.ts'],
  outfile: 'dist-cli/bridgeboard.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  absWorkingDir: root,
  logLevel: 'info',
});

{
  const { build: viteBuild } = await import('vite');
  const outDir = join(root, 'dist-cli', 'web');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  console.log(`web app built into ${outDir}`);
}
