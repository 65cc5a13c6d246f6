// Renders a charter bundle to PDF, deterministically: the same bundle always gives the same
// bytes, so a verifier can re-render the embedded bundle and prove the visible pages are the
// signed text (docs/architecture.md, Trust). Which layout draws it follows from the bundle's
// format, itself fixed by the signed charter: format 1 (no document language) is layout 1, the
// standard fonts and English, as every PDF exported before format 2 was drawn; format 2 is
// layout 2, the document language and embedded Unicode fonts. A PDF therefore always re-renders
// with the layout that made it.
import { verifyBundle, type BundleVerdict } from './bundle';
import type { CharterBundle } from './bundleSchema';
import { charterFontLoader, type FontLoader } from './pdfFonts';
import { renderLayout1 } from './pdfLayout1';
import { renderLayout2 } from './pdfLayout2';

/** The layout new exports use. */
export const PDF_LAYOUT_VERSION = 2;

/** The layout a bundle's PDF is drawn with. */
export const pdfLayoutOf = (bundle: CharterBundle): 1 | 2 => bundle.formatVersion;

export interface RenderPdfOptions {
  /** A verifier's limit: a layout that needs more pages throws PageLimitError instead of finishing. */
  readonly maxPages?: number;
  /** Where layout 2 reads its fonts; by default the loader this runtime registered. */
  readonly fonts?: FontLoader;
}

/**
 * Same bundle in, same bytes out. `verdict` lets a verifier that already checked this very
 * bundle skip checking it twice; it must be verifyBundle(bundle).
 */
export async function renderCharterPdf(bundle: CharterBundle, verdict: BundleVerdict = verifyBundle(bundle), options: RenderPdfOptions = {}): Promise<Uint8Array> {
  if (pdfLayoutOf(bundle) === 1) return renderLayout1(bundle, verdict, options.maxPages);
  return renderLayout2(bundle, verdict, options.fonts ?? charterFontLoader(), options.maxPages);
}
