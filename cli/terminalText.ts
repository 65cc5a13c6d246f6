// Text from a charter file reaches a terminal: a title holding ESC [1A ESC [2K could move the
// cursor up and overwrite the "INVALID" line with "VALID", a line break could forge a line of
// the report, and bidirectional controls could reorder what is shown ("Trojan Source").
// Every such character is shown as an escape instead; nothing from the file reaches the
// terminal as a control.

// The Unicode bidi and line-separator controls.
const FORMAT_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** C0 controls (line breaks and tabs too: a report line is one line), DEL, C1 (U+009B is CSI to some terminals). */
const isUnsafe = (code: number, inJson: boolean): boolean => (!inJson && code < 0x20) || (code >= 0x7f && code <= 0x9f) || FORMAT_CONTROLS.has(code);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string, width: number): string => (c.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

/** One line for a terminal: every control character written out as an escape. */
export function terminalSafe(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    out += !isUnsafe(code, false) ? c : (NAMED[c] ?? (code <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
  }
  return out;
}

/**
 * JSON.stringify, with the controls it leaves raw (all but C0) written as \u escapes: the same
 * JSON value, and `--json | cat` cannot drive the terminal either.
 */
export function terminalSafeJson(value: unknown): string {
  let out = '';
  for (const c of JSON.stringify(value, null, 2)) out += isUnsafe(c.codePointAt(0) ?? 0, true) ? `\\u${hex(c, 4)}` : c;
  return out;
}
