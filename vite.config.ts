// Vite builds the renderer: root renderer/, output dist/renderer, relative base so Electron can
// load the build from files or a custom protocol, and the app version baked in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The dev server injects inline scripts (React refresh) and <style> tags (CSS HMR), which the
 * strict CSP in index.html forbids; only while serving in dev is the policy relaxed for them.
 * Builds (what Electron and `npm run web` load) keep the strict policy.
 */
function devCsp(): Plugin {
  return {
    name: 'bridgeboard-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), devCsp()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: { host: '127.0.0.1', fs: { allow: [rootDir] } },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Inline assets would need data: in script/style CSP; keep every asset a file.
    assetsInlineLimit: 0,
  },
});
