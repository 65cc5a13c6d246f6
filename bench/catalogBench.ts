// The catalogs' cost per language: each catalog's messages as shipped (minified JSON), gzip -9
// and brotli, the share the charter and facilitation messages take, and, when a production build
// of the renderer is present (npm run build, or the e2e build in dist/e2e-renderer), the size of
// each language's own chunk there: the one that loads when that language is picked.
// Run: npx tsx bench/catalogBench.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { report } from './benchUtil';

const LOCALES = ['en', 'de', 'fr', 'es', 'pl', 'zh-Hans'] as const;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const gz = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;
const br = (text: string): number => brotliCompressSync(Buffer.from(text)).length;

const rows: [string, string][] = [];
for (const locale of LOCALES) {
  const messages = JSON.parse(readFileSync(join('renderer/src/core/i18n/locales', `${locale}.json`), 'utf8')) as Record<string, string>;
  const all = JSON.stringify(messages);
  const part = JSON.stringify(Object.fromEntries(Object.entries(messages).filter(([k]) => k.startsWith('charter.') || k.startsWith('facilitation.'))));
  rows.push([
    `${locale}: ${Object.keys(messages).length} messages, minified / gzip -9 / brotli`,
    `${kib(Buffer.byteLength(all))} / ${kib(gz(all))} / ${kib(br(all))} (charter + facilitation: ${kib(gz(part))} gzip)`,
  ]);
}

// The built chunks, named by Vite after the catalog file (de-<hash>.js).
const built = ['dist/renderer/assets', 'dist/e2e-renderer/assets'].find((dir) => existsSync(dir));
if (built) {
  const files = readdirSync(built).filter((f) => f.endsWith('.js'));
  for (const locale of LOCALES) {
    const file = files.find((f) => f.startsWith(`${locale}-`));
    if (!file) {
      rows.push([`${locale}: built chunk`, `not found in ${built}`]);
      continue;
    }
    const code = readFileSync(join(built, file), 'utf8');
    rows.push([`${locale}: built chunk ${file}, minified / gzip -9`, `${kib(Buffer.byteLength(code))} / ${kib(gz(code))}`]);
  }
} else {
  rows.push(['built chunks', 'no production build found (npm run build writes dist/renderer): only the catalogs are measured']);
}
report(rows);
