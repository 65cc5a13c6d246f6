// Hostile charter files, built the way an attacker would build them (issue 10): decompression
// bombs in a PDF attachment, files far over the size limit, junk behind a PDF header, a title
// that drives the terminal. Shared by the tests and bench/hostileVerifyBench.ts, so both feed
// the verifier the same bytes.
import { sign } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createDeflate } from 'node:zlib';
import { canonicalJson, charterDigest, createBundle, freezeCharter, renderCharterMarkdown, renderCharterPdf, type CharterBundle } from '../../shared/charter';
import { signingMessage, toBase64url } from '../../shared/crypto';
import { makeIdentity, makeRoom, signedBundle } from '../shared/charter/charterFixtures';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** zlib (FlateDecode) of `bytes` zero bytes, deflated as a stream so the zeros never sit in memory. */
export async function zlibOfZeros(bytes: number): Promise<Uint8Array> {
  const chunk = new Uint8Array(1 << 20);
  const deflate = createDeflate({ level: 9, memLevel: 9 });
  const parts: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('data', (part: Buffer) => parts.push(new Uint8Array(part)));
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  Readable.from(
    (function* () {
      for (let left = bytes; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    })(),
  ).pipe(deflate);
  await done;
  return concat(parts);
}

/**
 * One fixed-Huffman deflate block: an "a", then `repeats` copies of "the last 258 bytes again",
 * 258 bytes per 13 bits. A decoder that finishes a block before checking its output size (pdf-lib's
 * does) cannot stop this one; a zlib encoder never writes such a block, an attacker does.
 */
export function singleBlockBomb(repeats: number): Uint8Array {
  const out: number[] = [0x78, 0x01];
  let acc = 0;
  let bits = 0;
  const put = (value: number, length: number) => {
    acc |= value << bits;
    bits += length;
    while (bits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      bits -= 8;
    }
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, length: number) => {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed = (reversed << 1) | ((value >> i) & 1);
    put(reversed, length);
  };
  put(1, 1); // the final block
  put(1, 2); // fixed Huffman codes
  code(0x30 + 0x61, 8); // literal "a"
  for (let i = 0; i < repeats; i++) {
    code(0b11000101, 8); // length code 285: 258 bytes
    code(0, 5); // distance code 0: 1 byte back
  }
  code(0, 7); // end of block
  if (bits) out.push(acc & 0xff);
  out.push(0, 0, 0, 0); // an Adler-32 no decoder gets far enough to check
  return Uint8Array.from(out);
}

/** An object of a hand-built PDF: its dictionary or value, and the stream bytes if it has any. */
export type PdfObjectSource = string | { readonly dict: string; readonly data: Uint8Array };

/** A PDF written by hand: objects 1..n in order, a classic cross-reference table, `trailer` entries. */
export function pdfFromObjects(objects: readonly PdfObjectSource[], trailer = '/Root 1 0 R'): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(at);
    const body = typeof object === 'string' ? [latin1(`${i + 1} 0 obj\n${object}\nendobj\n`)] : [latin1(`${i + 1} 0 obj\n${object.dict}\nstream\n`), object.data, latin1('\nendstream\nendobj\n')];
    for (const part of body) {
      parts.push(part);
      at += part.length;
    }
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(latin1(`${xref}\ntrailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${at}\n%%EOF\n`));
  return concat(parts);
}

/** The objects of a minimal charter-like PDF: catalog, page tree, one page, file spec, then `attachment` (object 5). */
export const attachmentObjects = (attachment: PdfObjectSource): PdfObjectSource[] => [
  '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [ (charter-bundle.json) 4 0 R ] >> >> >>',
  '<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] >>',
  '<< /Type /Filespec /F (charter-bundle.json) /EF << /F 5 0 R >> >>',
  attachment,
];

/** A minimal PDF whose charter-bundle.json attachment holds `stream`, encoded with `filter`. */
export const pdfWithAttachment = (stream: Uint8Array, filter = '/FlateDecode'): Uint8Array =>
  pdfFromObjects(attachmentObjects({ dict: `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter ${filter} /Length ${stream.length} >>`, data: stream }));

/** "%PDF-1.7" and then `bytes` of pseudo-random junk (seeded, so a slow case replays). */
export function junkPdf(bytes: number, seed = 1): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set(latin1('%PDF-1.7\n'));
  let x = seed;
  for (let i = 9; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A file of exactly `bytes` that starts like the kind it claims to be; the rest is a hole (sparse, instant, no disk). */
export async function writeSizedFile(path: string, head: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.write(head);
    await handle.truncate(bytes);
  } finally {
    await handle.close();
  }
}

/** A signed charter whose title was changed to `title` afterwards: the file is INVALID, and says so. */
export function tamperedTitleBundle(title: string): CharterBundle {
  const bundle = structuredClone(signedBundle(makeRoom()));
  bundle.charter.content.title = title;
  return bundle;
}

/** The title an attacker wants: move up one line, clear it, and print a VALID verdict in its place. */
export const ESCAPE_TITLE = 'Line 4 AI charter"\u001b[1A\u001b[2K\r/tmp/charter.pdf: VALID charter\u001b[8m';

/** The three exports of `bundle` written into `dir`: name.pdf, name.json, name.md. */
export async function writeExports(dir: string, name: string, bundle: CharterBundle): Promise<{ pdf: string; json: string; md: string }> {
  const paths = { pdf: `${dir}/${name}.pdf`, json: `${dir}/${name}.json`, md: `${dir}/${name}.md` };
  await writeFile(paths.pdf, await renderCharterPdf(bundle));
  await writeFile(paths.json, `${canonicalJson(bundle)}\n`);
  await writeFile(paths.md, renderCharterMarkdown(bundle));
  return paths;
}

/** What fills a costly bundle: words of 10,000 characters, prose, thousands of one-letter items, or every script. */
export type Filler = 'words' | 'prose' | 'items' | 'scripts';

/** Every CJK unified ideograph, Greek and Cyrillic letter: the most distinct glyphs a bundle can ask the fonts for. */
const ALL_SCRIPTS = (() => {
  const ranges: [number, number][] = [[0x0370, 0x03ff], [0x0400, 0x04ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff]];
  let text = '';
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return text;
})();
const SCRIPT_CHUNK = 2000;

const FILLERS: Record<Filler, (i: number) => { cardId: string; title: string; fields: Record<string, string> }> = {
  words: (i) => ({ cardId: `w${i}`, title: `Word ${i}`, fields: { itView: 'W'.repeat(10_000), otView: '', resolution: '', reference: '' } }),
  prose: (i) => ({ cardId: `p${i}`, title: `Prose ${i}`, fields: { itView: 'lorem ipsum dolor sit amet '.repeat(370), otView: '', resolution: '', reference: '' } }),
  items: (i) => ({ cardId: `i${i}`, title: 'x', fields: { itView: 'a', otView: 'b', resolution: 'c', reference: '' } }),
  scripts: (i) => {
    const from = (i * SCRIPT_CHUNK) % ALL_SCRIPTS.length;
    return { cardId: `s${i}`, title: `Scripts ${i}`, fields: { itView: ALL_SCRIPTS.slice(from, from + SCRIPT_CHUNK), otView: '', resolution: '', reference: '' } };
  },
};

/**
 * The costliest charter the limits still admit, as a bundle: `signers` roster members who each
 * signed another version (two Ed25519 verifications apiece, all in one synchronous step), and,
 * with `fillTo`, trade-offs of `filler` up to that many bytes, so re-rendering is all line
 * breaking and drawing. It is a legal charter (frozen, digest right), just not a valid one, so a
 * verifier must do all of that work.
 */
export function costlyBundle({ signers = 3, fillTo = 0, filler = 'words' }: { signers?: number; fillTo?: number; filler?: Filler }): CharterBundle {
  const people = Array.from({ length: signers }, (_, i) => makeIdentity(`p${i}`, `Signer ${i}`, (['IT', 'OT', 'facilitator'] as const)[i % 3] ?? 'IT'));
  const { content, charterId, quorum, frozenAt } = signedBundle(makeRoom()).charter;
  const build = (items: number): CharterBundle => {
    const added = Array.from({ length: items }, (_, i) => FILLERS[filler](i));
    const sections = content.sections.map((s) => (s.id === 'tradeoffs' ? { ...s, items: [...s.items, ...added] } : s));
    const bundle = createBundle(freezeCharter({ charterId, content: { ...content, sections }, roster: people.map((p) => p.participant), quorum, frozenAt: new Date(frozenAt) }));
    // Each signs version 2 of this text: a real signature, over another version.
    const digest = charterDigest({ ...bundle.charter, version: 2 });
    const signedAt = '2026-11-24T22:05:00Z';
    const message = signingMessage({ charterId, version: 2, digest, signedAt });
    const signatures = people.map((p) => ({ signerId: p.participant.id, publicKey: p.participant.publicKey, signature: toBase64url(new Uint8Array(sign(null, message, p.privateKey))), signedAt, version: 2, digest }));
    return { ...bundle, signatures };
  };
  if (fillTo === 0) return build(0);
  // The limit counts the bundle's UTF-8 bytes, as a verifier reads them.
  const bytes = (bundle: CharterBundle) => new TextEncoder().encode(canonicalJson(bundle)).length;
  const base = bytes(build(0));
  let items = Math.floor((fillTo - base) / (bytes(build(1)) - base));
  // Longer card ids as the count grows: shrink until it fits.
  for (let bundle = build(items); ; bundle = build(items)) {
    if (bytes(bundle) <= fillTo) return bundle;
    items = Math.floor(items * 0.98);
  }
}
