// Types for the platform-free core of the `qrcode` package. The package's own types pull in
// Node's (streams, Buffer), which must not leak into shared/.
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSymbol {
    readonly modules: { readonly size: number; readonly data: Uint8Array };
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol;
}
