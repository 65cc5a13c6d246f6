// The OpenSSL recipe of docs/charter-format.md (section 9), run as written: its shell blocks are
// taken from the doc and run in bash, with Debian's pdfdetach, jq, xxd and openssl, against real
// exported PDFs. Nothing here rebuilds a message in TypeScript: if the doc says something the
// files do not do, this fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSignature, applySeal, renderCharterPdf, type CharterBundle } from '../../../shared/charter';
import { card, facilitatorOf, frozenBundle, makeIdentity, sampleCards, sealAs, signAs, type Room } from './charterFixtures';

const root = resolve(__dirname, '..', '..', '..');

/** The recipe: every ```sh block of section 9, in order. */
function recipe(): string {
  const doc = readFileSync(join(root, 'docs', 'charter-format.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 9.'), doc.indexOf('## 10.'));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  return blocks.join('\n');
}

const tools = ['pdfdetach', 'jq', 'xxd', 'openssl'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

/** Runs the recipe in a fresh folder holding `pdf` as charter.pdf. */
function runRecipe(pdf: Uint8Array): { code: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bb-recipe-'));
  writeFileSync(join(dir, 'charter.pdf'), pdf);
  const run = spawnSync('bash', ['-c', recipe()], { cwd: dir, env: { ...process.env, BB: root }, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A charter as a plant would sign it: names in several scripts, text in German and Chinese, a co-facilitator. */
function plantCharter(): CharterBundle {
  const it = makeIdentity('p-it', 'Łukasz Wójcik', 'IT', 'Netzwerk, Łódź');
  const ot = makeIdentity('p-ot', '王小明', 'OT', 'Schichtleitung, Győr');
  const fac = makeIdentity('p-fac', 'Ñuño Peña', 'facilitator', 'Moderation');
  const room: Room = { it, ot, fac, all: [it, ot, fac] };
  // Enough text that the canonical charter is far over 64 KiB, with multi-byte characters throughout.
  const cards = [...sampleCards(), ...Array.from({ length: 120 }, (_, i) => card('language', { title: `Begriff ${i} – 术语 ${i}`, itMeaning: 'Bedeutung in der IT: Überwachung, 监控与告警。'.repeat(8), otMeaning: 'Ελληνικά, Кириллица, Ñuñoa. '.repeat(8) }))];
  let bundle = frozenBundle(room, undefined, cards, facilitatorOf(room), 'de');
  for (const who of room.all) {
    const added = addSignature(bundle, signAs(bundle, who));
    if (!added.ok) throw new Error(added.reason);
    bundle = added.bundle;
  }
  const sealed = applySeal(bundle, sealAs(bundle, fac));
  if (!sealed.ok) throw new Error(sealed.reason);
  return sealed.bundle;
}

describe.skipIf(tools.length > 0)('the OpenSSL recipe of docs/charter-format.md', () => {
  const bundle = plantCharter();

  it('runs as written on an exported PDF and checks the digest, every part, every signature and the seal', async () => {
    expect(JSON.stringify(bundle.charter).length).toBeGreaterThan(64 * 1024);
    const { code, out } = runRecipe(await renderCharterPdf(bundle));
    expect(code, out).toBe(0);
    expect(out).toContain('1: charter-bundle.json');
    const digestLines = out.split('\n').filter((line) => /^[0-9a-f]{64}$/.test(line));
    expect(digestLines).toEqual([bundle.digest, bundle.digest]);
    expect(out).toContain('parts: all there');
    const parts = Object.keys(bundle.partDigests).sort();
    expect(parts).toEqual(expect.arrayContaining(['header', 'quorum', 'facilitator', 'language', 'content.meta', 'content.references', 'content.sectionOrder', 'roster.order']));
    for (const part of parts) expect(out).toContain(`part ok: ${part}\n`);
    expect(out).not.toContain('DIFFERENT');
    expect(out).not.toContain('NOT');
    for (const s of bundle.signatures) expect(out).toContain(`(${s.signerId}): key on the roster`);
    expect(out.match(/Signature Verified Successfully/g)).toHaveLength(bundle.signatures.length + 1);
  });

  it('says what is wrong with a charter changed after signing', async () => {
    const changed = structuredClone(bundle);
    changed.charter.content.purpose = 'Etwas, dem niemand zugestimmt hat.';
    const { out } = runRecipe(await renderCharterPdf(changed));
    const digestLines = out.split('\n').filter((line) => /^[0-9a-f]{64}$/.test(line));
    expect(digestLines[0]).not.toBe(digestLines[1]);
    expect(out).toContain('part DIFFERENT: content.meta');
    expect(out).toContain('part ok: quorum');
    expect(out).toContain('Signature Verification Failure');
    expect(out).not.toContain('Signature Verified Successfully');
  });

  it('reads the file pdfdetach saved, which the verifier also reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-detach-'));
    writeFileSync(join(dir, 'charter.pdf'), await renderCharterPdf(bundle));
    execFileSync('pdfdetach', ['-savefile', 'charter-bundle.json', join(dir, 'charter.pdf')], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'charter-bundle.json'), 'utf8'))).toEqual(bundle);
  });
});
