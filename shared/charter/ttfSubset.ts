// A TrueType subsetter for the charter PDF's embedded fonts: the glyphs a charter draws, copied out
// of the font with their metrics and hinting, and nothing else. fontkit's own subsetter (which
// pdf-lib uses) writes glyph data back to back with a short loca table, which needs every glyph's
// length to be even; Noto's glyphs are not padded, so its subsets drew most glyphs as nothing.
// This one pads every glyph to four bytes and writes a long loca table, and it is a plain copy of
// byte ranges, so a subset of thousands of CJK glyphs takes milliseconds, not seconds.
//
// The result is a font for a PDF's FontFile2, reached by glyph index (CIDToGIDMap), so it keeps only
// the tables that needs: head, hhea, maxp, loca, glyf, hmtx, and cvt, fpgm, prep for the hinting.
// Deterministic: the same font and glyph list give the same bytes (the head table's dates are the
// font's own).

const KEEP = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'] as const;

interface Table {
  readonly offset: number;
  readonly length: number;
}

function tableDirectory(view: DataView): Map<string, Table> {
  const numTables = view.getUint16(4);
  const out = new Map<string, Table>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    out.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return out;
}

// Composite glyph component flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Where each component's glyph index sits in a composite glyph, and which glyph it names. */
function components(glyph: Uint8Array): { readonly at: number; readonly glyph: number }[] {
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (glyph.length < 10 || view.getInt16(0) >= 0) return [];
  const out: { at: number; glyph: number }[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    out.push({ at: at + 2, glyph: view.getUint16(at + 2) });
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return out;
  }
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    sum = (sum + (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0))) >>> 0;
  }
  return sum;
}

const padded = (n: number): number => (n + 3) & ~3;

export interface TrueTypeSubset {
  readonly bytes: Uint8Array;
  /** Original glyph index → index in the subset. */
  readonly glyphIndex: ReadonlyMap<number, number>;
}

/**
 * The subset holding `glyphs` (original indices, in the order given; .notdef is always index 0) and
 * the components their composite glyphs are built from.
 */
export function subsetTrueType(font: Uint8Array, glyphs: readonly number[]): TrueTypeSubset {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const dir = tableDirectory(view);
  const table = (tag: string): Table => {
    const t = dir.get(tag);
    if (!t) throw new Error(`the font has no ${tag.trim()} table`);
    return t;
  };
  const bytesOf = (t: Table) => font.subarray(t.offset, t.offset + t.length);
  const head = table('head');
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const numberOfHMetrics = view.getUint16(table('hhea').offset + 34);
  const loca = table('loca');
  const glyf = table('glyf');
  const hmtx = table('hmtx');
  const locaAt = (g: number) => (longLoca ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2);
  const glyphData = (g: number) => font.subarray(glyf.offset + locaAt(g), glyf.offset + locaAt(g + 1));
  const metrics = (g: number): [number, number] => {
    const m = Math.min(g, numberOfHMetrics - 1);
    const advance = view.getUint16(hmtx.offset + m * 4);
    const lsb = g < numberOfHMetrics ? view.getInt16(hmtx.offset + g * 4 + 2) : view.getInt16(hmtx.offset + numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2);
    return [advance, lsb];
  };

  const order: number[] = [];
  const glyphIndex = new Map<number, number>();
  const include = (g: number): number => {
    const known = glyphIndex.get(g);
    if (known !== undefined) return known;
    if (g >= numGlyphs) throw new Error(`the font has no glyph ${g}`);
    glyphIndex.set(g, order.length);
    order.push(g);
    return order.length - 1;
  };
  include(0);
  for (const g of glyphs) include(g);

  // Copy each glyph, padded; composite glyphs get their components' new indices (which may add
  // glyphs at the end of the list, visited in turn).
  const parts: Uint8Array[] = [];
  const offsets: number[] = [0];
  for (let i = 0; i < order.length; i++) {
    const original = glyphData(order[i] ?? 0);
    const copy = new Uint8Array(padded(original.length));
    copy.set(original);
    const cv = new DataView(copy.buffer);
    for (const c of components(original)) cv.setUint16(c.at, include(c.glyph));
    parts.push(copy);
    offsets.push((offsets[i] ?? 0) + copy.length);
  }
  const n = order.length;
  const glyfOut = concat(parts);
  const locaOut = new Uint8Array(4 * (n + 1));
  offsets.forEach((o, i) => new DataView(locaOut.buffer).setUint32(i * 4, o));
  const hmtxOut = new Uint8Array(4 * n);
  order.forEach((g, i) => {
    const [advance, lsb] = metrics(g);
    new DataView(hmtxOut.buffer).setUint16(i * 4, advance);
    new DataView(hmtxOut.buffer).setInt16(i * 4 + 2, lsb);
  });
  const headOut = bytesOf(head).slice();
  new DataView(headOut.buffer).setUint32(8, 0); // checkSumAdjustment, set below
  new DataView(headOut.buffer).setInt16(50, 1); // long loca
  const hheaOut = bytesOf(table('hhea')).slice();
  new DataView(hheaOut.buffer).setUint16(34, n);
  const maxpOut = bytesOf(table('maxp')).slice();
  new DataView(maxpOut.buffer).setUint16(4, n);

  const out = new Map<string, Uint8Array>([
    ['glyf', glyfOut],
    ['head', headOut],
    ['hhea', hheaOut],
    ['hmtx', hmtxOut],
    ['loca', locaOut],
    ['maxp', maxpOut],
  ]);
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const t = dir.get(tag);
    if (t) out.set(tag, bytesOf(t));
  }
  const tags = KEEP.filter((tag) => out.has(tag));
  const headerLength = 12 + 16 * tags.length;
  const total = tags.reduce((sum, tag) => sum + padded(out.get(tag)?.length ?? 0), headerLength);
  const file = new Uint8Array(total);
  const fv = new DataView(file.buffer);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= tags.length) {
    searchRange *= 2;
    entrySelector++;
  }
  fv.setUint32(0, 0x00010000);
  fv.setUint16(4, tags.length);
  fv.setUint16(6, searchRange * 16);
  fv.setUint16(8, entrySelector);
  fv.setUint16(10, tags.length * 16 - searchRange * 16);
  let at = headerLength;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = out.get(tag) ?? new Uint8Array();
    const entry = 12 + i * 16;
    for (let k = 0; k < 4; k++) fv.setUint8(entry + k, tag.charCodeAt(k));
    fv.setUint32(entry + 4, checksum(data));
    fv.setUint32(entry + 8, at);
    fv.setUint32(entry + 12, data.length);
    file.set(data, at);
    if (tag === 'head') headAt = at;
    at += padded(data.length);
  });
  fv.setUint32(headAt + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return { bytes: file, glyphIndex };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
