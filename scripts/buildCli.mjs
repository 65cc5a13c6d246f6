// Bundles the bridgeboard CLI into one CommonJS file, dist-cli/bridgeboard.cjs, the package's bin
// (run by `npm ci` through `prepare`, so `npx bridgeboard` works right after it), and builds the
// web app into dist-cli/web/, where `bridgeboard serve` looks first: the folder dist-cli/ is then
// everything a server needs besides Node (a few seconds; the bundle alone is half a second).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let build;
try {
  ({ build } = await import('esbuild'));
} catch (error) {
  // `npm ci --omit=dev` has no build tools: as `prepare` that is no reason to fail the install.
  if (process.env.npm_lifecycle_event !== 'prepare') throw error;
  console.log('bridgeboard: build tools not installed (--omit=dev?); the CLI bundle was not built.');
  process.exit(0);
}
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

// The fonts the verifier re-renders layout-2 PDFs with, and their licence, beside the bundle
// (cli/charterFonts.ts looks there first), so dist-cli/ needs no node_modules.
{
  const require = createRequire(join(root, 'package.json'));
  const fonts = join(root, 'dist-cli', 'fonts');
  mkdirSync(fonts, { recursive: true });
  const files = {
    'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    'NotoSans-Bold.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    'OFL-NotoSans.txt': '@expo-google-fonts/noto-sans/LICENSE_FONT',
    'OFL-NotoSansSC.txt': '@expo-google-fonts/noto-sans-sc/LICENSE_FONT',
  };
  for (const [name, source] of Object.entries(files)) copyFileSync(require.resolve(source), join(fonts, name));
}

{
  const { build: viteBuild } = await import('vite');
  const outDir = join(root, 'dist-cli', 'web');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  console.log(`web app built into ${outDir}`);
}
