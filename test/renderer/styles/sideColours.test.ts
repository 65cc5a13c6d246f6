// The sides' colours (IT, OT, Neutral) in styles.css, light and dark: their text reaches WCAG AA
// on their badges and on the card surface, their fills stand out from the surface (3:1), and
// people with protanopia, deuteranopia or tritanopia still tell the three apart (Machado et al.
// 2009 simulation at full severity, then CIELAB distance). Colour never carries the side alone
// (every badge also names it, with an icon), but a facilitator scanning a projected board
// should not have to read the words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../renderer/src/styles.css', import.meta.url), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', (m[2] ?? '').toLowerCase()]));
}
const light = block(':root');
const dark = { ...light, ...block("html[data-theme='dark']") };

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb;
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(linear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
const SIMULATIONS: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
function lab(lin: Rgb): Rgb {
  const [r, g, b] = lin.map((c) => Math.min(1, Math.max(0, c))) as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function seenAs(hex: string, matrix?: number[][]): Rgb {
  const lin = rgb(hex).map(linear) as Rgb;
  if (!matrix) return lab(lin);
  return lab(matrix.map((row) => (row[0] ?? 0) * lin[0] + (row[1] ?? 0) * lin[1] + (row[2] ?? 0) * lin[2]) as Rgb);
}
const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const SIDES = [
  ['IT', 'it'],
  ['OT', 'ot'],
  ['Neutral', 'fac'],
] as const;

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('side colours, %s theme', (_theme, tokens) => {
  const token = (name: string): string => {
    const value = tokens[name];
    if (!value) throw new Error(`--${name} is not a hex colour`);
    return value;
  };

  it.each(SIDES)('%s text reaches AA (4.5:1) on its badge and on the card surface', (_side, key) => {
    expect(contrast(token(key), token(`${key}-bg`))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token(key), token('surface'))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(SIDES)('%s fill stands out from the surface (3:1, non-text contrast)', (_side, key) => {
    expect(contrast(token(`${key}-strong`), token('surface'))).toBeGreaterThanOrEqual(3);
  });

  it.each([['normal vision', undefined] as const, ...Object.entries(SIMULATIONS)])('the three fills stay apart with %s', (_vision, matrix) => {
    const seen = SIDES.map(([, key]) => seenAs(token(`${key}-strong`), matrix));
    for (let i = 0; i < seen.length; i++)
      for (let j = i + 1; j < seen.length; j++) {
        const a = seen[i];
        const b = seen[j];
        if (!a || !b) throw new Error('missing colour');
        // 20 ΔE*ab: clearly different at a glance, well beyond "just noticeable" (about 2.3).
        expect(distance(a, b), `${SIDES[i]?.[0]} vs ${SIDES[j]?.[0]}`).toBeGreaterThanOrEqual(20);
      }
  });
});
