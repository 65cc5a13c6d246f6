// The installers' icons (electron-builder's buildResources, build/): a 1024-px PNG, a Windows
// .ico up to 256 px and a macOS .icns up to 1024 px, all made from build/icon.svg by
// scripts/icons.mjs, and still what that script makes from the SVG (an edited SVG whose icons
// were not regenerated fails here).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = join(root, 'build');

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('app icons', () => {
  it('electron-builder finds them where it looks', () => {
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^\s+buildResources: build$/m);
  });

  it('icon.png is 1024 × 1024', () => {
    expect(pngSize(readFileSync(join(build, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.ico holds every Windows size up to 256 px', () => {
    const ico = readFileSync(join(build, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    // In the directory, a width of 0 means 256.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('icon.icns holds the macOS sizes up to 1024 px', () => {
    const icns = readFileSync(join(build, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    // ic10: 1024 (512@2x), ic09: 512, ic08: 256, ic07: 128.
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('are what scripts/icons.mjs makes from icon.svg', async () => {
    const script = pathToFileURL(join(root, 'scripts', 'icons.mjs')).href;
    const { renderIcons } = (await import(script)) as { renderIcons(svg: string): Record<string, Uint8Array> };
    const icons = renderIcons(readFileSync(join(build, 'icon.svg'), 'utf8'));
    expect(Object.keys(icons).sort()).toEqual(['icon.icns', 'icon.ico', 'icon.png']);
    for (const [name, bytes] of Object.entries(icons)) expect(Buffer.from(bytes).equals(readFileSync(join(build, name))), `${name} is out of date: npm run icons`).toBe(true);
  });
});
