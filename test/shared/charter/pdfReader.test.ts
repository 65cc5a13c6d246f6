// The verifier's own PDF reader on real and crafted files: it reads Bridgeboard's export and an
// incrementally edited copy (reported as edited, page named), and refuses, saying why, what an
// export never is: a re-saved file with compressed cross-references, encryption, other filters,
// two bundles, repeated dictionary keys, and loops that would otherwise never end.
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { canonicalJson, extractBundleFromPdf, renderCharterPdf, verifyCharterFile, verifyPdf } from '../../../shared/charter';
import { attachmentObjects, pdfFromObjects, pdfWithAttachment } from '../../support/hostileCharterFiles';
import { makeRoom, signedBundle } from './charterFixtures';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const unreadable = async (bytes: Uint8Array) => {
  const result = await verifyCharterFile(bytes);
  return result.readable ? `readable: ${result.verdict.valid}` : result.error;
};

describe('the verifier PDF reader', () => {
  const bundle = signedBundle(makeRoom());
  const json = Buffer.from(canonicalJson(bundle));

  it('reads the bundle out of an export, and out of a hand-built file', async () => {
    const extracted = extractBundleFromPdf(await renderCharterPdf(bundle));
    expect(extracted.ok && extracted.bundle).toEqual(bundle);
    const minimal = extractBundleFromPdf(pdfWithAttachment(deflateSync(json)));
    expect(minimal.ok && minimal.bundle).toEqual(bundle);
  });

  it('reads an incremental update and names the page it changed', async () => {
    const pdf = await renderCharterPdf(bundle);
    const text = latin1(pdf);
    // Page 1's content stream is object 8 in pdf-lib's layout: append a new version of it.
    const page1 = /\/Contents \[ (\d+) 0 R \]/.exec(text)?.[1];
    const prevXref = /startxref\n(\d+)/.exec(text)?.[1];
    if (!page1 || !prevXref) throw new Error('unexpected layout');
    const content = deflateSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Target: under 9 h) Tj ET'));
    const object = Buffer.concat([Buffer.from(`${page1} 0 obj\n<< /Filter /FlateDecode /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream\nendobj\n')]);
    const xrefAt = pdf.length + object.length;
    const update = Buffer.from(`xref\n${page1} 1\n${String(pdf.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 15 /Root 2 0 R /Prev ${prevXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`);
    const result = await verifyPdf(Buffer.concat([pdf, object, update]));
    expect(result.readable && result.verdict.valid).toBe(false);
    expect(result.readable && result.verdict.problems[0]).toBe(
      'The PDF is not the rendering of the charter embedded in it: the text or drawing of page 1 differs from the signed charter. What you see may not be what was signed.',
    );
  });

  it('refuses a copy saved again with compressed cross-references, saying so', async () => {
    const doc = await PDFDocument.load(await renderCharterPdf(bundle), { updateMetadata: false });
    expect(await unreadable(await doc.save({ useObjectStreams: true }))).toBe(
      'the PDF cannot be read: its cross-reference table is a compressed stream (PDF 1.5), which Bridgeboard never writes: the file was saved again by another program',
    );
  });

  it('refuses encryption, other filters, predictors and two bundles, naming each', async () => {
    const attachment = (dict: string) => ({ dict: `<< /Type /EmbeddedFile ${dict} /Length ${json.length} >>`, data: json });
    const cases: [Uint8Array, string][] = [
      [pdfFromObjects(attachmentObjects(attachment('')), '/Root 1 0 R /Encrypt << /Filter /Standard >>'), 'the PDF cannot be read: it is encrypted, and Bridgeboard never encrypts a charter'],
      [pdfWithAttachment(json, '/LZWDecode'), 'the charter-bundle.json attachment cannot be read: it is encoded with /LZWDecode, where Bridgeboard writes /FlateDecode only'],
      [pdfFromObjects(attachmentObjects(attachment('/Filter /FlateDecode /DecodeParms << /Predictor 12 >>'))), 'the charter-bundle.json attachment cannot be read: it has decode parameters (a predictor), which Bridgeboard never writes'],
      [pdfWithAttachment(json, '/FlateDecode'), 'the charter-bundle.json attachment is damaged: invalid zlib data'],
    ];
    const twice = attachmentObjects(attachment(''));
    twice[0] = '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [ (charter-bundle.json) 4 0 R <FEFF0063006800610072007400650072002D00620075006E0064006C0065002E006A0073006F006E> 4 0 R ] >> >> >>';
    cases.push([pdfFromObjects(twice), 'the PDF has 2 attachments named charter-bundle.json; a viewer could show any of them, so it is refused']);
    for (const [pdf, reason] of cases) expect(await unreadable(pdf)).toBe(reason);
  });

  it('refuses a repeated dictionary key: one reader takes the first value, another the last', async () => {
    const objects = attachmentObjects({ dict: `<< /Type /EmbeddedFile /Length ${json.length} >>`, data: json });
    objects[3] = '<< /Type /Filespec /F (charter-bundle.json) /EF << /F 5 0 R /F 3 0 R >> >>';
    expect(await unreadable(pdfFromObjects(objects))).toMatch(/^the PDF cannot be read: the dictionary key \/F appears twice at byte \d+$/);
  });

  it('ends every loop: a self-measuring stream, a cyclic name tree, a page tree that is its own kid', async () => {
    const selfLength = attachmentObjects({ dict: '<< /Type /EmbeddedFile /Length 5 0 R >>', data: json });
    expect(await unreadable(pdfFromObjects(selfLength))).toBe('the PDF cannot be read: object 5 refers to itself');
    const cyclic = attachmentObjects({ dict: `<< /Length ${json.length} >>`, data: json });
    cyclic[0] = '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>';
    cyclic.push('<< /Kids [ 6 0 R ] >>');
    expect(await unreadable(pdfFromObjects(cyclic))).toBe('the PDF cannot be read: its attachment list loops');
    // A valid bundle in a file whose page tree loops: the bundle is read, the pages are not.
    const pages = attachmentObjects({ dict: `<< /Filter /FlateDecode /Length ${deflateSync(json).length} >>`, data: deflateSync(json) });
    pages[1] = '<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>';
    const result = await verifyCharterFile(pdfFromObjects(pages));
    expect(result.readable && result.verdict.problems[0]).toBe('The PDF is not the rendering of the charter embedded in it: the file could not be compared page by page. What you see may not be what was signed.');
  });

  it('says a cut-short file is cut short, and a wrong startxref points outside', async () => {
    const pdf = await renderCharterPdf(bundle);
    expect(await unreadable(pdf.subarray(0, pdf.length >> 1))).toBe('the PDF cannot be read: it has no "startxref" at its end, so it is cut short or not a PDF');
    const wrong = Buffer.from(latin1(pdf).replace(/startxref\n\d+/, 'startxref\n99999999'), 'latin1');
    expect(await unreadable(wrong)).toBe('the PDF cannot be read: its cross-reference table is damaged (it points outside the file or in a loop)');
  });
});
