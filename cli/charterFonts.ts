// Where Node (the CLI, and the tests and benches that render charters) finds the fonts of the
// charter PDF's layout 2: fonts/ beside the bundled CLI (dist-cli/fonts, copied there with their
// licences by scripts/buildCli.mjs), else the font packages the project installs. Nothing is
// fetched: a missing file is an error that names it.
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CharterFontFile, FontLoader } from '../shared/charter';

/** Each font file in the packages that ship it (OFL 1.1; their LICENSE_FONT). */
export const FONT_PACKAGE_FILES: Readonly<Record<CharterFontFile, string>> = {
  'NotoSans-Regular': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSansSC-Regular': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

/** The folder of the running script (the bundled CLI, a test runner, a bench), symlinks resolved. */
function scriptDir(): string {
  const script = process.argv[1];
  try {
    return script ? dirname(realpathSync(script)) : process.cwd();
  } catch {
    return process.cwd();
  }
}

export function fontPath(file: CharterFontFile, here = scriptDir()): string {
  const beside = join(here, 'fonts', `${file}.ttf`);
  if (existsSync(beside)) return beside;
  for (const base of [here, process.cwd()]) {
    try {
      return createRequire(join(base, 'noop.js')).resolve(FONT_PACKAGE_FILES[file]);
    } catch {
      // try the next place
    }
  }
  throw new Error(`the font ${file} is missing: neither ${beside} nor the package file ${FONT_PACKAGE_FILES[file]} was found (run npm ci)`);
}

export function nodeFontLoader(here = scriptDir()): FontLoader {
  return async (file) => new Uint8Array(await readFile(fontPath(file, here)));
}
