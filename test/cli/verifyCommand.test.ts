// The verify CLI as leadership runs it: a real PDF and JSON on disk, exit codes 0/1/2, a
// verdict per signer, and JSON output. One run goes through a real child process.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultVerifyIo, runVerify } from '../../cli/verifyCommand';
import { canonicalJson, renderCharterPdf } from '../../shared/charter';
import { makeRoom, signedBundle } from '../shared/charter/charterFixtures';

const run = async (argv: string[]) => {
  let out = '';
  let err = '';
  const code = await runVerify(argv, { ...defaultVerifyIo, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
};

describe('bridgeboard verify', () => {
  const room = makeRoom();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-verify-'));
    const good = signedBundle(room);
    const unsigned = signedBundle(room, [room.it, room.ot]);
    await writeFile(join(dir, 'charter.pdf'), await renderCharterPdf(good));
    await writeFile(join(dir, 'charter.json'), canonicalJson(good));
    await writeFile(join(dir, 'no-facilitator.pdf'), await renderCharterPdf(unsigned));
    const tampered = structuredClone(good);
    tampered.charter.content.purpose = 'Something nobody agreed to.';
    await writeFile(join(dir, 'tampered.json'), JSON.stringify(tampered));
    await writeFile(join(dir, 'garbage.pdf'), '%PDF-1.7\nnot really');
    await writeFile(join(dir, 'notes.txt'), 'hello');
  });

  it('exits 0 for a valid PDF and names every signer', async () => {
    const { code, out } = await run([join(dir, 'charter.pdf')]);
    expect(code).toBe(0);
    expect(out).toContain('VALID charter');
    for (const name of ['Ana Lopez', 'Bo Schmidt', 'Cy Facilitator']) expect(out).toContain(name);
    expect(out).toContain('Quorum: met');
  });

  it('exits 0 for the bare JSON bundle', async () => {
    expect((await run([join(dir, 'charter.json')])).code).toBe(0);
  });

  it('exits 1 and says what is wrong', async () => {
    const missing = await run([join(dir, 'no-facilitator.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('Quorum: NOT met - missing the facilitator');
    const tampered = await run([join(dir, 'tampered.json')]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('the title, purpose, scope or review date');
  });

  it('exits 2 for unreadable input and bad usage', async () => {
    expect((await run([join(dir, 'garbage.pdf')])).code).toBe(2);
    expect((await run([join(dir, 'notes.txt')])).code).toBe(2);
    expect((await run([join(dir, 'absent.pdf')])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });

  it('prints machine-readable JSON with --json', async () => {
    const { code, out } = await run([join(dir, 'no-facilitator.pdf'), '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { valid: boolean; quorum: { met: boolean; missing: string[] }; signers: { status: string }[] };
    expect(report).toMatchObject({ valid: false, quorum: { met: false, missing: ['the facilitator'] } });
    expect(report.signers.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('returns the same exit codes from a child process', async () => {
    const script = "const m = await import(process.argv[1]); process.exitCode = await m.runVerify(process.argv.slice(2));";
    const exec = promisify(execFile);
    const cli = resolve('cli/verifyCommand.ts');
    const codeOf = (file: string) =>
      exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, cli, file], { timeout: 60_000 }).then(
        () => 0,
        (e: { code?: number }) => e.code ?? -1,
      );
    expect(await codeOf(join(dir, 'charter.pdf'))).toBe(0);
    expect(await codeOf(join(dir, 'tampered.json'))).toBe(1);
    expect(await codeOf(join(dir, 'garbage.pdf'))).toBe(2);
  });
});
