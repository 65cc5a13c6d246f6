// `npm run web`: builds the renderer with Vite and serves it on 127.0.0.1 (PORT or 5173, or any
// free port if that one is taken), for the browser host and the e2e tests. WEB_OUT_DIR builds
// elsewhere than dist/renderer, so a test run is not broken by someone rebuilding meanwhile.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startStaticServer } from './staticServer.mjs';

const port = Number(process.env.PORT ?? 5173);
// The e2e tests need the exact port they were configured with.
const strictPort = process.env.STRICT_PORT === '1';

const outDir = process.env.WEB_OUT_DIR ? resolve(process.env.WEB_OUT_DIR) : fileURLToPath(new URL('../dist/renderer', import.meta.url));
await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await startStaticServer(outDir, port, { fallback: !strictPort });
console.log(`Bridgeboard is running at ${server.url}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
