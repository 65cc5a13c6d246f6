// QR codes for invites, as SVG. Uses only the platform-free core of `qrcode`, so it runs in the
// renderer, the browser host and Node alike.
import { create } from 'qrcode/lib/core/qrcode.js';

export interface QrOptions {
  /** Quiet zone in modules; the QR spec asks for 4. */
  readonly margin?: number;
  readonly dark?: string;
  readonly light?: string;
}

const colour = /^#[0-9a-fA-F]{3,8}$/;

export interface QrModules {
  readonly size: number;
  /** Row-major, truthy for a dark module. */
  readonly data: ArrayLike<number>;
}

/** The symbol's modules; level M survives a smudged or partly covered printout without making
 * the code too dense. */
export function qrModules(text: string): QrModules {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  return { size, data };
}

/** An SVG string: one path of horizontal runs, crisp at any size. */
export function qrSvg(text: string, options: QrOptions = {}): string {
  const margin = options.margin ?? 4;
  const dark = options.dark ?? '#000000';
  const light = options.light ?? '#ffffff';
  // Colours go into markup, so only hex literals are accepted.
  if (!colour.test(dark) || !colour.test(light)) throw new Error('QR colours must be hex');
  const { size, data } = qrModules(text);
  const full = size + margin * 2;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      path += `M${start + margin} ${row + margin + 0.5}h${col - start}`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges">` +
    `<path fill="${light}" d="M0 0h${full}v${full}H0z"/><path stroke="${dark}" d="${path}"/></svg>`;
}

/** For an <img src>, which keeps the SVG out of the DOM. */
export function qrSvgDataUrl(text: string, options?: QrOptions): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text, options))}`;
}
