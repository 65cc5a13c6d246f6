// Regenerates the app icons in build/ (electron-builder's buildResources) from build/icon.svg:
// icon.png (1024 px: Linux, and what electron-builder falls back to), icon.ico (Windows: 16 to
// 256 px) and icon.icns (macOS: 16 to 1024 px). `npm run icons`; commit the results with the SVG.
// resvg renders the SVG (the same pixels on every machine: no system fonts are involved, the mark
// has no text); png2icons packs the sizes, resampling from the 1024-px PNG.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');

/** The three icon files from the SVG's text; the same SVG always gives the same bytes. */
export function renderIcons(svg) {
  const png = Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: 1024 }, background: 'rgba(0,0,0,0)' }).render().asPng());
  // BICUBIC2: the sharper of png2icons' resamplers; ICO with PNG-compressed images (Vista and later).
  const ico = png2icons.createICO(png, png2icons.BICUBIC2, 0, true, true);
  const icns = png2icons.createICNS(png, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the rendered icon');
  return { 'icon.png': png, 'icon.ico': ico, 'icon.icns': icns };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const icons = renderIcons(readFileSync(join(build, 'icon.svg'), 'utf8'));
  for (const [name, bytes] of Object.entries(icons)) {
    writeFileSync(join(build, name), bytes);
    console.log(`build/${name} ${bytes.length} B`);
  }
}
