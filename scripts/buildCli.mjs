// Bundles the bridgeboard CLI into one CommonJS file, dist-cli/bridgeboard.cjs, the package's bin.
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
