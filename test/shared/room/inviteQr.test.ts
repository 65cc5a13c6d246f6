// QR codes render as self-contained SVG for any invite form.
import { describe, expect, it } from 'vitest';
import { createInvite, formatInviteWebLink, qrModules, qrSvg, qrSvgDataUrl } from '../../../shared/room';

describe('invite QR codes', () => {
  const invite = createInvite({ workshopId: 'w-1', signaling: ['ws://192.168.1.20:4444'] });
  it('renders an SVG with a path of modules', () => {
    const svg = qrSvg(formatInviteWebLink(invite, 'https://board.example.com'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toMatch(/<path stroke="#000000" d="M[\d. hM]+"\/><\/svg>$/);
    expect(svg).not.toContain('<script');
  });
  it('draws exactly the dark modules of the QR symbol, inside the quiet zone', () => {
    const text = formatInviteWebLink(invite, 'https://board.example.com');
    const { size, data } = qrModules(text);
    const svg = qrSvg(text, { margin: 4 });
    const drawn = new Uint8Array(size * size);
    for (const [, x, y, w] of svg.matchAll(/M(\d+) ([\d.]+)h(\d+)/g)) {
      const row = Number(y) - 0.5 - 4;
      for (let col = Number(x) - 4; col < Number(x) - 4 + Number(w); col++) drawn[row * size + col] = 1;
    }
    expect(Array.from(drawn)).toEqual(Array.from(data, (v) => (v ? 1 : 0)));
  });

  it('makes a data URL for an img tag', () => {
    expect(qrSvgDataUrl('hello')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });
  it('refuses colours that are not hex literals', () => {
    expect(() => qrSvg('x', { dark: '"/><script>' })).toThrow();
  });
});
