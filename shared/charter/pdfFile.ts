// A PDF opened only as far as a charter verifier needs: the cross-reference table, the trailer,
// and the objects it is asked for, each parsed when first asked for. A general PDF library reads
// every object (and inflates every object stream) up front, which is what let a junk or
// decompression-bomb file take minutes or gigabytes. Here the work is the few objects on the way
// to the attachment and the pages, and every stream is inflated with a cap (boundedInflate.ts).
//
// Bridgeboard's export (pdf-lib, useObjectStreams: false) writes a classic cross-reference
// table; files with incremental updates (/Prev) are read too, so an edited copy is reported as
// edited. Cross-reference streams, object streams and encryption are refused with that reason:
// an export never has them, so such a file was saved again by another program.
import { inflateAtMost, type InflateResult } from './boundedInflate';
import { PdfArray, PdfDict, PdfError, PdfLexer, PdfName, PdfRef, type PdfValue } from './pdfSyntax';

export interface PdfStream {
  readonly dict: PdfDict;
  /** The stream's bytes as stored (still encoded). */
  readonly data: Uint8Array;
}

interface IndirectObject {
  readonly value: PdfValue;
  readonly stream: PdfStream | null;
}

interface XrefEntry {
  readonly offset: number;
  readonly gen: number;
}

export type StreamResult = InflateResult | { readonly ok: false; readonly reason: 'unsupported'; readonly detail: string };

const MAX_XREF_SECTIONS = 16;
const MAX_REF_HOPS = 8;
const STARTXREF = [...'startxref'].map((c) => c.charCodeAt(0));

function findStartXref(bytes: Uint8Array): number {
  for (let i = bytes.length - STARTXREF.length; i >= Math.max(0, bytes.length - 1024); i--) {
    if (STARTXREF.every((b, k) => bytes[i + k] === b)) return new PdfLexer(bytes, i + STARTXREF.length).integer();
  }
  throw new PdfError('it has no "startxref" at its end, so it is cut short or not a PDF');
}

/** Reads the newest cross-reference section and those it updates; newer entries win. */
function readXref(bytes: Uint8Array): { entries: Map<number, XrefEntry | null>; trailer: PdfDict } {
  const entries = new Map<number, XrefEntry | null>();
  const seen = new Set<number>();
  let trailer: PdfDict | null = null;
  let offset = findStartXref(bytes);
  for (let section = 0; ; section++) {
    if (section >= MAX_XREF_SECTIONS) throw new PdfError(`it was updated more than ${MAX_XREF_SECTIONS - 1} times`);
    if (seen.has(offset) || offset >= bytes.length) throw new PdfError('its cross-reference table is damaged (it points outside the file or in a loop)');
    seen.add(offset);
    const lexer: PdfLexer = new PdfLexer(bytes, offset); // typed, so lexer.fail() narrows
    if (/^\d+$/.test(lexer.peekWord())) {
      throw new PdfError('its cross-reference table is a compressed stream (PDF 1.5), which Bridgeboard never writes: the file was saved again by another program');
    }
    lexer.keyword('xref');
    while (lexer.peekWord() !== 'trailer') {
      const first = lexer.integer();
      const count = lexer.integer();
      if (count * 18 > bytes.length - lexer.pos) lexer.fail('a cross-reference section longer than the file');
      for (let i = 0; i < count; i++) {
        const at = lexer.integer();
        const gen = lexer.integer();
        const kind = lexer.peekWord();
        if (kind !== 'n' && kind !== 'f') lexer.fail('a damaged cross-reference entry');
        lexer.pos += 1;
        if (!entries.has(first + i)) entries.set(first + i, kind === 'n' ? { offset: at, gen } : null);
      }
    }
    lexer.keyword('trailer');
    const dict = lexer.value();
    if (!(dict instanceof PdfDict)) lexer.fail('the trailer is not a dictionary');
    trailer ??= dict;
    const prev = dict.get('Prev');
    if (prev === undefined) return { entries, trailer };
    if (typeof prev !== 'number' || !Number.isInteger(prev) || prev < 0) lexer.fail('a damaged /Prev');
    offset = prev;
  }
}

export class PdfFile {
  private readonly cache = new Map<number, IndirectObject>();
  private readonly reading = new Set<number>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<number, XrefEntry | null>,
    readonly trailer: PdfDict,
  ) {}

  /** Throws PdfError, saying why, for anything that is not a PDF this verifier reads. */
  static open(bytes: Uint8Array): PdfFile {
    const { entries, trailer } = readXref(bytes);
    if (trailer.get('Encrypt') !== undefined) throw new PdfError('it is encrypted, and Bridgeboard never encrypts a charter');
    const file = new PdfFile(bytes, entries, trailer);
    if (!file.dict(trailer.get('Root'))) throw new PdfError('its trailer names no document catalog');
    return file;
  }

  get catalog(): PdfDict {
    return this.dict(this.trailer.get('Root')) as PdfDict;
  }

  /** The object a reference points to (parsed once, then cached). */
  object(ref: PdfRef): IndirectObject {
    const cached = this.cache.get(ref.num);
    if (cached) return cached;
    const entry = this.entries.get(ref.num);
    if (!entry || entry.gen !== ref.gen) throw new PdfError(`object ${ref.num} ${ref.gen} is not in the file`);
    if (this.reading.has(ref.num)) throw new PdfError(`object ${ref.num} refers to itself`);
    this.reading.add(ref.num);
    try {
      const object = this.parseObject(ref, entry.offset);
      this.cache.set(ref.num, object);
      return object;
    } finally {
      this.reading.delete(ref.num);
    }
  }

  private parseObject(ref: PdfRef, offset: number): IndirectObject {
    const lexer: PdfLexer = new PdfLexer(this.bytes, offset);
    const header = (): boolean => {
      try {
        const matches = lexer.integer() === ref.num && lexer.integer() === ref.gen;
        lexer.keyword('obj');
        return matches;
      } catch (err) {
        if (err instanceof PdfError) return false;
        throw err;
      }
    };
    if (offset >= this.bytes.length || !header()) throw new PdfError(`the cross-reference table points to the wrong place for object ${ref.num}`);
    const value = lexer.value();
    let stream: PdfStream | null = null;
    if (lexer.peekWord() === 'stream') {
      if (!(value instanceof PdfDict)) lexer.fail('a stream without a dictionary');
      lexer.pos += 'stream'.length;
      if (this.bytes[lexer.pos] === 0x0d && this.bytes[lexer.pos + 1] === 0x0a) lexer.pos += 2;
      else if (this.bytes[lexer.pos] === 0x0a) lexer.pos += 1;
      else lexer.fail('no line end after "stream"');
      const length = this.resolve(value.get('Length'));
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || lexer.pos + length > this.bytes.length) {
        lexer.fail(`object ${ref.num} has a stream /Length that does not fit the file`);
      }
      stream = { dict: value, data: this.bytes.subarray(lexer.pos, lexer.pos + length) };
      lexer.pos += length;
      lexer.keyword('endstream');
    }
    lexer.keyword('endobj');
    return { value, stream };
  }

  /** Follows references to a direct value. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let hops = 0; current instanceof PdfRef; hops++) {
      if (hops >= MAX_REF_HOPS) throw new PdfError('a chain of references that does not end');
      current = this.object(current).value;
    }
    return current;
  }

  dict(value: PdfValue | undefined): PdfDict | null {
    const resolved = this.resolve(value);
    return resolved instanceof PdfDict ? resolved : null;
  }

  array(value: PdfValue | undefined): PdfArray | null {
    const resolved = this.resolve(value);
    return resolved instanceof PdfArray ? resolved : null;
  }

  /** The stream a reference points to, or null when it points to something else. */
  stream(value: PdfValue | undefined): PdfStream | null {
    return value instanceof PdfRef ? this.object(value).stream : null;
  }

  /** A stream's decoded bytes, never more than `maxBytes` of them. */
  decode(stream: PdfStream, maxBytes: number): StreamResult {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = filter instanceof PdfArray ? filter.items.map((f) => this.resolve(f)) : filter === undefined || filter === null ? [] : [filter];
    const parms = this.resolve(stream.dict.get('DecodeParms'));
    if (parms !== undefined && parms !== null && !(parms instanceof PdfArray && parms.items.every((p) => p === null))) {
      return { ok: false, reason: 'unsupported', detail: 'it has decode parameters (a predictor), which Bridgeboard never writes' };
    }
    if (filters.length === 0) {
      return stream.data.length > maxBytes ? { ok: false, reason: 'too-large', detail: `it is more than ${maxBytes} bytes` } : { ok: true, bytes: stream.data };
    }
    const [only] = filters;
    if (filters.length > 1 || !(only instanceof PdfName) || only.name !== 'FlateDecode') {
      const names = filters.map((f) => (f instanceof PdfName ? `/${f.name.slice(0, 40)}` : 'a non-name')).join(' ');
      return { ok: false, reason: 'unsupported', detail: `it is encoded with ${names}, where Bridgeboard writes /FlateDecode only` };
    }
    return inflateAtMost(stream.data, maxBytes);
  }
}
