// The PDF object syntax (ISO 32000-1, 7.2-7.3), read only as far as a charter verifier needs:
// numbers, names, strings, arrays, dictionaries and references. The verifier reads PDFs from
// other people, so this parser never recurses past MAX_DEPTH, never reads past the bytes it
// was given, and refuses what is ambiguous (a dictionary that names a key twice).

export class PdfError extends Error {}

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfString {
  /** One character per byte (0-255): a string costs a fraction of a Uint8Array per value. */
  constructor(readonly raw: string) {}

  /** A text string: UTF-16BE after a byte-order mark, else (for the ASCII we compare) Latin-1. */
  text(): string {
    const raw = this.raw;
    if (!raw.startsWith('\u00fe\u00ff')) return raw;
    let out = '';
    for (let i = 2; i + 1 < raw.length; i += 2) out += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return out;
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfArray {
  constructor(readonly items: readonly PdfValue[]) {}
}

export class PdfDict {
  constructor(readonly entries: ReadonlyMap<string, PdfValue>) {}

  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfArray | PdfDict;

const MAX_DEPTH = 32;
/** An export's largest array is its page list; a file cannot make one parse hold millions of values. */
export const MAX_ITEMS = 65_536;

/** Bytes collected into a one-char-per-byte string, a chunk at a time. */
class ByteText {
  private text = '';
  private readonly chunk: number[] = [];

  push(byte: number): void {
    this.chunk.push(byte);
    if (this.chunk.length >= 4096) this.flush();
  }

  private flush(): void {
    this.text += String.fromCharCode(...this.chunk);
    this.chunk.length = 0;
  }

  done(): string {
    this.flush();
    return this.text;
  }
}
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (c: number | undefined): c is number => c !== undefined && !WHITESPACE.has(c) && !DELIMITERS.has(c);
const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

/** A cursor over the file's bytes that reads tokens and objects at any offset. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  fail(what: string): never {
    throw new PdfError(`${what} at byte ${this.pos}`);
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c !== undefined && WHITESPACE.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  /** The next run of regular characters (a keyword or number), without consuming it. */
  peekWord(): string {
    this.skipSpace();
    let end = this.pos;
    while (isRegular(this.bytes[end])) {
      if (end - this.pos >= 32) this.fail('a token longer than 32 characters');
      end++;
    }
    return String.fromCharCode(...this.bytes.subarray(this.pos, end));
  }

  keyword(word: string): void {
    if (this.peekWord() !== word) this.fail(`expected "${word}"`);
    this.pos += word.length;
  }

  /** A non-negative integer, as in "12 0 obj" and the cross-reference table. */
  integer(): number {
    const word = this.peekWord();
    if (!/^\d{1,10}$/.test(word)) this.fail('expected a whole number');
    this.pos += word.length;
    return Number(word);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail(`objects nested deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) this.fail('the file ends inside an object');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return this.dict(depth);
    if (c === 0x3c) return this.hexString();
    if (c === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === 0x5d) break;
        if (items.length >= MAX_ITEMS) this.fail(`an array of more than ${MAX_ITEMS} items`);
        items.push(this.value(depth + 1));
      }
      this.pos++;
      return new PdfArray(items);
    }
    const word = this.peekWord();
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return word === 'null' ? null : word === 'true';
    }
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) this.fail(word ? `unexpected "${word}"` : 'unexpected character');
    this.pos += word.length;
    const number = Number(word);
    if (/^\d+$/.test(word)) return this.maybeRef(number) ?? number;
    return number;
  }

  /** "12 0 R" after the 12 was read, or null (the position is then unchanged). */
  private maybeRef(num: number): PdfRef | null {
    const start = this.pos;
    const gen = this.peekWord();
    if (/^\d{1,5}$/.test(gen)) {
      this.pos += gen.length;
      if (this.peekWord() === 'R') {
        this.pos += 1;
        return new PdfRef(num, Number(gen));
      }
    }
    this.pos = start;
    return null;
  }

  private name(): PdfName {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.bytes[this.pos];
      if (!isRegular(c)) break;
      if (c === 0x23) {
        const hex = String.fromCharCode(this.bytes[this.pos + 1] ?? 0, this.bytes[this.pos + 2] ?? 0);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail('a bad #xx escape in a name');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 3;
      } else {
        out += String.fromCharCode(c);
        this.pos++;
      }
    }
    return new PdfName(out);
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const out = new ByteText();
    let open = 1;
    this.pos++;
    for (;;) {
      const c = b[this.pos++];
      if (c === undefined) this.fail('the file ends inside a string');
      if (c === 0x28) open++;
      if (c === 0x29 && --open === 0) return new PdfString(out.done());
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      const e = b[this.pos++];
      if (e === undefined) this.fail('the file ends inside a string');
      const simple = ESCAPES[e];
      if (simple !== undefined) out.push(simple);
      else if (e >= 0x30 && e <= 0x37) {
        let code = e - 0x30;
        for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; k++) code = code * 8 + ((b[this.pos++] ?? 0) - 0x30);
        out.push(code & 0xff);
      } else if (e === 0x0d) {
        if (b[this.pos] === 0x0a) this.pos++; // a line continuation
      } else if (e !== 0x0a) out.push(e);
    }
  }

  private hexString(): PdfString {
    this.pos++;
    const digits: number[] = [];
    for (;;) {
      const c = this.bytes[this.pos++];
      if (c === undefined) this.fail('the file ends inside a hex string');
      if (c === 0x3e) break;
      if (WHITESPACE.has(c)) continue;
      const v = parseInt(String.fromCharCode(c), 16);
      if (Number.isNaN(v)) this.fail('a bad character in a hex string');
      digits.push(v);
    }
    if (digits.length % 2) digits.push(0);
    const out = new ByteText();
    for (let i = 0; i < digits.length; i += 2) out.push(((digits[i] ?? 0) << 4) | (digits[i + 1] ?? 0));
    return new PdfString(out.done());
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) break;
      if (this.bytes[this.pos] !== 0x2f) this.fail('expected a name as a dictionary key');
      if (entries.size >= MAX_ITEMS) this.fail(`a dictionary of more than ${MAX_ITEMS} entries`);
      const key = this.name().name;
      // Two values for one key: one reader takes the first, another the last.
      if (entries.has(key)) this.fail(`the dictionary key /${key.slice(0, 40)} appears twice`);
      entries.set(key, this.value(depth + 1));
    }
    this.pos += 2;
    return new PdfDict(entries);
  }
}
