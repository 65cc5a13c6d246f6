// Strict charter files (issue 11, item 5), through the bundled CLI on real files: a key named
// twice is refused in a JSON export and in a PDF's embedded bundle; the file's kind comes from
// its structure, so "%PDF-" in a JSON or Markdown charter changes nothing; an empty file, a
// whitespace-only one and a CRLF-converted Markdown export each get their own, exact reason.
import { deflateSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSignature, applySeal, buildCharterDraft, canonicalJson, createBundle, freezeCharter, renderCharterMarkdown, renderCharterPdf, type CharterBundle } from '../../shared/charter';
import { makeRoom, sampleCards, sealAs, signAs, snapshotOf } from '../shared/charter/charterFixtures';
import { buildCliBundle, runCli } from '../support/builtCli';

/** A signed, sealed charter whose purpose (early in every export) quotes a PDF header. */
function charterMentioningPdf(): CharterBundle {
  const room = makeRoom();
  const draft = buildCharterDraft({
    snapshot: snapshotOf(sampleCards()),
    roster: room.all.map((p) => p.participant),
    purpose: '%PDF-1.7 is what leadership receives; this charter says how IT and OT run AI on line 4.',
    scope: 'Line 4',
    reviewDate: '2027-05-01',
  });
  let bundle = createBundle(freezeCharter({ charterId: 'ws-pdf', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date('2026-11-24T22:00:00Z') }));
  for (const who of room.all) {
    const added = addSignature(bundle, signAs(bundle, who));
    if (!added.ok) throw new Error(added.reason);
    bundle = added.bundle;
  }
  const sealed = applySeal(bundle, sealAs(bundle, room.fac));
  if (!sealed.ok) throw new Error(sealed.reason);
  return sealed.bundle;
}

/** Puts `insert` (a key and value) right before `before` (the same key), and says where the second one now sits. */
function withDuplicate(json: string, before: string, insert: string): { text: string; line: number; column: number } {
  const at = json.indexOf(before);
  if (at < 0) throw new Error(`${before} not found`);
  return { text: `${json.slice(0, at)}${insert}${json.slice(at)}`, line: 1, column: at + insert.length + 1 };
}

describe('bridgeboard verify: strict files', () => {
  const bundle = charterMentioningPdf();
  const json = canonicalJson(bundle);
  let dir = '';
  let cli = '';
  const verify = (name: string) => runCli(cli, ['verify', join(dir, name)], 30_000);
  const unreadable = (name: string, reason: string) => `${join(dir, name)}: UNREADABLE - ${reason}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bb-strict-'));
    cli = await buildCliBundle(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('verifies JSON and Markdown charters that mention %PDF- near their start', async () => {
    const markdown = renderCharterMarkdown(bundle);
    // Where a sniffer of the first 1,024 bytes took them for PDFs.
    expect(json.indexOf('%PDF-')).toBeLessThan(1024);
    expect(markdown.indexOf('%PDF-')).toBeLessThan(1024);
    await writeFile(join(dir, 'mentions-pdf.json'), `${json}\n`);
    await writeFile(join(dir, 'mentions-pdf.md'), markdown);
    for (const name of ['mentions-pdf.json', 'mentions-pdf.md']) {
      const run = await verify(name);
      expect(run.stderr, name).toBe('');
      expect(run.code, name).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(`${join(dir, name)}: VALID charter`);
    }
  });

  it('refuses a JSON export that names the title twice, or requireSeal twice', async () => {
    const title = withDuplicate(json, `"title":${JSON.stringify(bundle.charter.content.title)}}`, '"title":"Nothing was signed here",');
    const seal = withDuplicate(json, '"requireSeal":true', '"requireSeal":false,');
    // JSON.parse keeps the last value: the signed one. That is why the old verifier said VALID.
    expect((JSON.parse(title.text) as CharterBundle).charter.content.title).toBe(bundle.charter.content.title);
    for (const [name, doc, key, where] of [['dup-title.json', title, 'title', 'charter.content'], ['dup-seal.json', seal, 'requireSeal', 'charter.quorum']] as const) {
      await writeFile(join(dir, name), doc.text);
      const run = await verify(name);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toBe(unreadable(name, `the JSON file is not strict JSON: the key "${key}" appears twice in ${where}; a reader could take either value (line ${doc.line}, column ${doc.column})`));
    }
  });

  it('refuses a PDF whose embedded bundle names a key twice', async () => {
    const doc = await PDFDocument.load(await renderCharterPdf(bundle), { updateMetadata: false });
    const files = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const fileSpec = files.lookup(PDFName.of('Names'), PDFArray).lookup(1, PDFDict);
    const twice = withDuplicate(json, '"requireSeal":true', '"requireSeal":false,').text;
    const stream = doc.context.stream(deflateSync(Buffer.from(twice)), { Type: 'EmbeddedFile', Filter: 'FlateDecode' });
    fileSpec.lookup(PDFName.of('EF'), PDFDict).set(PDFName.of('F'), doc.context.register(stream));
    await writeFile(join(dir, 'dup-seal.pdf'), await doc.save({ useObjectStreams: false }));
    const run = await verify('dup-seal.pdf');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^.*dup-seal\.pdf: UNREADABLE - the charter-bundle\.json attachment is not strict JSON: the key "requireSeal" appears twice in charter\.quorum; a reader could take either value \(line 1, column \d+\)\n$/);
  });

  it('names the reason for an empty file, a blank one, binary junk and text that is no export', async () => {
    const cases: [string, string | Uint8Array, string][] = [
      ['empty.json', '', 'the file is empty (0 bytes), so it is not a charter export'],
      ['blank.md', ' \r\n\n\t', 'the file is empty (only spaces and line breaks), so it is not a charter export'],
      ['binary.pdf', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]), 'it is neither a PDF nor UTF-8 text (a JSON or Markdown export), so it is not a charter export'],
      ['late-header.pdf', Uint8Array.from([0xef, 0xbb, 0xbf, 0xff, ...Buffer.from('%PDF-1.7\n')]), 'it has 4 bytes before its "%PDF-" header, and a Bridgeboard PDF starts with it: it is not an export'],
      ['notes.md', '# Notes\n\nNothing to see.\n', 'it is text, but not a charter export: a JSON export starts with "{", and a Markdown export ends with a ```json bridgeboard-charter-bundle block, which it does not have'],
    ];
    for (const [name, content, reason] of cases) {
      await writeFile(join(dir, name), content);
      const run = await verify(name);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toBe(unreadable(name, reason));
    }
  });

  it('tells a Markdown export converted to CRLF (or given a byte-order mark) from an edited one', async () => {
    const markdown = renderCharterMarkdown(bundle);
    const cases: [string, string, string][] = [
      ['crlf.md', markdown.replace(/\n/g, '\r\n'), 'its line endings were changed to Windows line endings (CRLF). Otherwise it is the rendering of the charter embedded in it, but it is not the exported file; undo that change and verify it again.'],
      ['bom-crlf.md', `\ufeff${markdown.replace(/\n/g, '\r\n')}`, 'a byte-order mark was added at its start, and its line endings were changed to Windows line endings (CRLF). Otherwise it is the rendering of the charter embedded in it, but it is not the exported file; undo those changes and verify it again.'],
    ];
    for (const [name, text, change] of cases) {
      await writeFile(join(dir, name), text);
      const run = await verify(name);
      expect(run.code, name).toBe(1);
      expect(run.stdout.split('\n')[0]).toBe(`${join(dir, name)}: INVALID charter`);
      expect(run.stdout).toContain(`What is wrong:\n  - The Markdown file was changed after export: ${change}\n`);
    }
    await writeFile(join(dir, 'crlf-edited.md'), markdown.replace('Target: under 2 h', 'Target: under 9 h').replace(/\n/g, '\r\n'));
    const edited = await verify('crlf-edited.md');
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('  - The Markdown text is not the rendering of the charter embedded in it: what you read may not be what was signed. Also, its line endings were changed to Windows line endings (CRLF).\n');
    // JSON does not care: CRLF is white space to it.
    await writeFile(join(dir, 'crlf.json'), `${json}\r\n`);
    expect((await verify('crlf.json')).code).toBe(0);
  });
});
