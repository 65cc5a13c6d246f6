// The PDF export: deterministic bytes, the bundle comes back out of it, and verification
// re-renders to catch edits to what a reader sees.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { extractBundleFromPdf, renderCharterPdf, verifyPdf, toWinAnsi } from '../../../shared/charter';
import { makeRoom, signedBundle } from './charterFixtures';

describe('charter PDF', () => {
  const room = makeRoom();
  const bundle = signedBundle(room);

  it('renders the same bundle to the same bytes', async () => {
    const a = await renderCharterPdf(bundle);
    const b = await renderCharterPdf(structuredClone(bundle));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('renders the same bytes in another time zone and process', async () => {
    const here = createHash('sha256').update(await renderCharterPdf(bundle)).digest('hex');
    const dir = mkdtempSync(join(tmpdir(), 'bb-pdf-tz-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
    const script = `
      const { renderCharterPdf } = await import(${JSON.stringify(resolve('shared/charter/index.ts'))});
      const { readFileSync } = await import('node:fs');
      const { createHash } = await import('node:crypto');
      const pdf = await renderCharterPdf(JSON.parse(readFileSync(process.argv[1], 'utf8')));
      process.stdout.write(createHash('sha256').update(pdf).digest('hex'));`;
    const there = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(dir, 'bundle.json')], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' },
      timeout: 60_000,
    }).toString();
    expect(there).toBe(here);
  });

  it('embeds the bundle and gives it back', async () => {
    const pdf = await renderCharterPdf(bundle);
    const extracted = await extractBundleFromPdf(pdf);
    expect(extracted.ok && extracted.bundle).toEqual(bundle);
  });

  it('verifies its own export', async () => {
    const result = await verifyPdf(await renderCharterPdf(bundle));
    expect(result.readable && result.verdict.problems).toEqual([]);
    expect(result.readable && result.verdict.valid).toBe(true);
  });

  it('rejects a PDF whose visible text was edited while the attachment is intact', async () => {
    const pdf = await renderCharterPdf(bundle);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    // Rewrite the goal's target from "under 2 h" to "under 9 h" inside the page's own text
    // operators, the way a PDF editor would, and leave the attachment alone.
    const page = doc.getPage(0);
    const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
    const stream = contents instanceof PDFArray ? contents.lookup(0) : contents;
    if (!(stream instanceof PDFRawStream)) throw new Error('expected a content stream');
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
    expect(text).toContain(hex('Target: under 2 h'));
    const altered = text.replace(hex('Target: under 2 h'), hex('Target: under 9 h'));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(Buffer.from(altered, 'latin1'))));
    const check = await extractBundleFromPdf(await doc.save({ useObjectStreams: false }));
    expect(check.ok && check.bundle).toEqual(bundle); // the attachment really is intact
    const edited = await doc.save({ useObjectStreams: false });
    const result = await verifyPdf(edited);
    expect(result.readable).toBe(true);
    if (!result.readable) return;
    expect(result.verdict.valid).toBe(false);
    expect(result.verdict.problems[0]).toMatch(/not the rendering of the charter embedded in it: .*page 1/);
  });

  it('shows the charter text, the signature page and the digest on its pages', async () => {
    const doc = await PDFDocument.load(await renderCharterPdf(bundle), { updateMetadata: false });
    const visible = doc
      .getPages()
      .map((page) => {
        const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
        const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
        const raw = streams.map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '')).join('');
        return [...raw.matchAll(/<([0-9A-F]+)> Tj/g)].map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1')).join('\n');
      })
      .join('\n');
    for (const text of ['Line 4 AI charter', 'Keep line 4 running', 'Target: under 2 h', 'Accountable (exactly one): Plant manager', 'Signatures', 'Cy Facilitator - Facilitator, Facilitator', 'Status: VALID', 'Quorum: met.', bundle.digest]) {
      expect(visible).toContain(text);
    }
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  });

  it('transliterates what Helvetica cannot draw, only on the page', () => {
    expect(toWinAnsi('Łódź → Kraków ≤ 5 min, naïve café “ok” 漢')).toBe('Lódz -> Kraków <= 5 min, naïve café “ok” ?');
  });
});
