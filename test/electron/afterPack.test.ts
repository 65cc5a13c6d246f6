// The packaging hook flips the hardening fuses, checked on a stand-in binary that carries the
// same fuse sentinel and wire layout as a real Electron executable.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: run-as-node on, cookie encryption off, NODE_OPTIONS on, inspect on,
// asar integrity off, only-from-asar off, V8 snapshot off, file protocol extra privileges on.
const DEFAULT_WIRE = '10110001';
// The wire stores each fuse as an ASCII digit.
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bb-fuses-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

type AfterPack = (context: unknown) => Promise<void>;

function loadHook(): AfterPack {
  const loaded: unknown = createRequire(import.meta.url)('../../scripts/afterPack.cjs');
  const hook = (loaded as { default?: unknown }).default;
  if (typeof hook !== 'function') throw new Error('afterPack.cjs exports no default function');
  return hook as AfterPack;
}

describe('afterPack fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect, turns on asar integrity, asar-only and cookie encryption', async () => {
    const binary = join(dir, 'bridgeboard');
    const wire = Buffer.concat([Buffer.from('\x7fELF...padding...'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_WIRE), Buffer.from('...rest')]);
    await writeFile(binary, wire);
    await loadHook()({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Bridgeboard' }, executableName: 'bridgeboard' },
    });
    const fuses = await getCurrentFuseWire(binary);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
