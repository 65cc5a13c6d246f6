// WOFF 1.0 to the TrueType/OpenType file it wraps (W3C WOFF File Format 1.0, section 5): each
// table inflated (zlib) where it was compressed, then laid out again behind an sfnt header. The
// minutes PDF embeds fonts through fontkit, which reads a plain sfnt reliably but not every WOFF
// (one of Noto Sans SC's slices reads with no character map as WOFF and correctly as sfnt).
import { unzlibSync } from 'fflate';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
/** A WOFF slice of a font is well under this; a larger claim is a damaged file. */
const MAX_TABLE_BYTES = 32 * 1024 * 1024;

export const isWoff = (bytes: Uint8Array): boolean => bytes.length >= 44 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) === WOFF_SIGNATURE;

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (!isWoff(woff)) throw new Error('not a WOFF font');
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = view.getUint32(at + 4);
    const compLength = view.getUint32(at + 8);
    const origLength = view.getUint32(at + 12);
    if (offset + compLength > woff.length || origLength > MAX_TABLE_BYTES) throw new Error('a damaged WOFF font');
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(stored) : stored;
    if (data.length !== origLength) throw new Error('a damaged WOFF font');
    tables.push({ tag: view.getUint32(at), checksum: view.getUint32(at + 16), data });
  }
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 2 ** entrySelector * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const size = 12 + 16 * numTables + tables.reduce((sum, t) => sum + padded(t.data.length), 0);
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, searchRange);
  o.setUint16(8, entrySelector);
  o.setUint16(10, numTables * 16 - searchRange);
  let offset = 12 + 16 * numTables;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    o.setUint32(at, table.tag);
    o.setUint32(at + 4, table.checksum);
    o.setUint32(at + 8, offset);
    o.setUint32(at + 12, table.data.length);
    out.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return out;
}
