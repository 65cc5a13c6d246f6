// The preload as it ships: bundled by the real build settings, it may require only 'electron'
// (a sandboxed preload can load nothing else) and may use only ipcRenderer.invoke.
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('preload bundle', () => {
  it('requires only electron and calls only ipcRenderer.invoke', async () => {
    const result = await build({
      entryPoints: [join(root, 'electron', 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    // esbuild may rename the parameter (ipcRenderer2), hence the digits.
    expect(code).toMatch(/ipcRenderer\d*\.invoke\(/);
    expect(code).not.toMatch(/sendSync|ipcRenderer\d*\.(send|on|once|postMessage|sendTo|sendToHost)\(/);
    expect(code).toMatch(/contextBridge\d*\.exposeInMainWorld\(/);
    // Small because zod stays out: the preload needs channel names, not schemas.
    expect(code.length).toBeLessThan(8_000);
  });
});
