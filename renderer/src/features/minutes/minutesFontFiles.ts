// The font files the minutes PDF may need, as build assets: Vite copies each Noto WOFF file the
// glob names into the build and gives its URL; nothing is inlined or fetched from elsewhere (the
// CSP allows only 'self'). Only the faces a document's text needs are fetched (facesFor), so a
// page of German fetches a few Latin files and Chinese minutes the slices they use. Loaded only
// when a PDF is made (this module is imported lazily).
import notoSans from '@fontsource/noto-sans/unicode.json';
import notoSansSc from '@fontsource/noto-sans-sc/unicode.json';
import { facesFor, notoFaces, type FontFace } from '../../../../shared/minutes';

const sansUrls = import.meta.glob<string>('../../../../node_modules/@fontsource/noto-sans/files/noto-sans-*-{400,700}-normal.woff', { query: '?url', import: 'default' });
const scUrls = import.meta.glob<string>('../../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff', { query: '?url', import: 'default' });

const urlOf = (family: string, file: string): (() => Promise<string>) | undefined => {
  const table = family === 'noto-sans' ? sansUrls : scUrls;
  return table[`../../../../node_modules/@fontsource/${family}/files/${file}`];
};

/** The faces covering `text`, with their bytes. */
export async function loadMinutesFaces(text: { readonly regular: string; readonly bold: string }): Promise<FontFace[]> {
  const needed = facesFor(notoFaces(notoSans, notoSansSc), text);
  return Promise.all(
    needed.map(async (face) => {
      const url = urlOf(face.family, face.file);
      if (!url) throw new Error(`the font file ${face.file} is not in the build`);
      const response = await fetch(await url());
      if (!response.ok) throw new Error(`the font file ${face.file} could not be loaded (${response.status})`);
      return { name: face.name, ranges: face.ranges, bold: face.bold, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}
