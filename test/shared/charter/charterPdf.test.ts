// The PDF export (layout 2): deterministic bytes in any process and time zone, every script drawn
// with the embedded fonts and read back exactly by poppler's pdftotext (a tool that is not ours),
// a summary on page 1 and the signatures on the last page, in the version's document language;
// the bundle comes back out of it, and verification re-renders to catch edits to what a reader
// sees. Bundles of format 1 still render with layout 1.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { extractBundleFromPdf, parseBundle, renderCharterPdf, verifyPdf, toWinAnsi, type CharterBundle } from '../../../shared/charter';
import { card, facilitatorOf, frozenBundle, makeIdentity, makeRoom, sampleCards, signAs, signedBundle, type Room } from './charterFixtures';
import { addSignature } from '../../../shared/charter';

const dir = mkdtempSync(join(tmpdir(), 'bb-pdf-'));
let files = 0;

/** pdftotext of one page (or all), as a reader's tool extracts it: no layout, lines joined. */
function pageText(pdf: Uint8Array, page?: number): string {
  const file = join(dir, `f${++files}.pdf`);
  writeFileSync(file, pdf);
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
}
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pageCount = (pdf: Uint8Array) => (pageText(pdf).match(/\f/g) ?? []).length;

/** Signs with each of the room, seals: a charter as leadership gets it. */
function signedWith(room: Room, bundle: CharterBundle): CharterBundle {
  let b = bundle;
  for (const who of room.all) {
    const r = addSignature(b, signAs(b, who));
    if (!r.ok) throw new Error(r.reason);
    b = r.bundle;
  }
  return b;
}

describe('charter PDF', () => {
  const room = makeRoom();
  const bundle = signedBundle(room);

  it('renders the same bundle to the same bytes', async () => {
    const a = await renderCharterPdf(bundle);
    const b = await renderCharterPdf(structuredClone(bundle));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('renders the same bytes in another time zone and process, Chinese text included', async () => {
    const cjk = signedBundle(room, room.all, undefined, true, 'zh-Hans');
    for (const b of [bundle, cjk]) {
      const here = createHash('sha256').update(await renderCharterPdf(b)).digest('hex');
      writeFileSync(join(dir, 'bundle.json'), JSON.stringify(b));
      const script = `
        const { renderCharterPdf } = await import(${JSON.stringify(resolve('shared/charter/index.ts'))});
        const { nodeFontLoader } = await import(${JSON.stringify(resolve('cli/charterFonts.ts'))});
        const { readFileSync } = await import('node:fs');
        const { createHash } = await import('node:crypto');
        const pdf = await renderCharterPdf(JSON.parse(readFileSync(process.argv[1], 'utf8')), undefined, { fonts: nodeFontLoader() });
        process.stdout.write(createHash('sha256').update(pdf).digest('hex'));`;
      const there = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(dir, 'bundle.json')], {
        env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' },
        timeout: 60_000,
      }).toString();
      expect(there).toBe(here);
    }
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

  it('prints every script exactly as it was signed: pdftotext gives back the names', async () => {
    const names = ['Łukasz Wójcik (Łódź)', 'Zoltán Kovács (Győr)', 'Ñuño Peña (Ñuñoa)', '王小明', 'Γιώργος Παπαδόπουλος', 'Ирина Смирнова'];
    const people = names.map((name, i) => makeIdentity(`p-${i}`, name, i % 2 ? 'OT' : 'IT', 'Ingeniería de planta'));
    const scripts: Room = { it: people[0]!, ot: people[1]!, fac: room.fac, all: [...people, room.fac] };
    const cards = [card('goals', { title: 'Verfügbarkeit Linie 4 – 提高可用性', metric: 'Ausfallzeit ≤ 2 h → 0', target: '≥ 99,5 %', itOwner: '王小明', otOwner: 'Łukasz' })];
    const b = signedWith(scripts, frozenBundle(scripts, undefined, cards, facilitatorOf(scripts), 'de'));
    const text = flat(pageText(await renderCharterPdf(b)));
    for (const name of names) expect(text).toContain(name);
    for (const exact of ['Verfügbarkeit Linie 4 – 提高可用性', 'Ausfallzeit ≤ 2 h → 0', '≥ 99,5 %', 'Ingeniería de planta']) expect(text).toContain(exact);
    expect(text).not.toContain('?');
  });

  it('draws a character no font has as a box that still reads back as itself', async () => {
    const cards = [card('goals', { title: 'Uptime 🚀 and 한국어', metric: 'x', target: 'y' })];
    const text = flat(pageText(await renderCharterPdf(frozenBundle(room, undefined, cards))));
    expect(text).toContain('Uptime 🚀 and 한국어');
  });

  it('opens with a one-page summary and ends with the signature page', async () => {
    const pdf = await renderCharterPdf(bundle);
    const pages = pageCount(pdf);
    const summary = flat(pageText(pdf, 1));
    for (const line of [
      'Line 4 AI charter',
      'Joint IT/OT charter – version 1, frozen 2026-11-24T22:00:00Z',
      `Facilitator: Cy Facilitator, key ${room.fac.participant.fingerprint}`,
      'Purpose: How IT and OT run AI on line 4.',
      'Goals',
      'Keep line 4 running – Metric: unplanned downtime / month; Target: under 2 h; owners: IT Ana, OT Bo',
      'Top risks',
      'Vendor remote access into level 2 – Safeguard: Jump host in the DMZ, time-boxed sessions; owners: IT Ana, OT Bo',
      'Who is accountable',
      'AI setpoint change causes off-spec product – accountable: Plant manager; Response time: 15 minutes',
      'Who signed',
      'Ana Lopez (IT) – signed 2026-11-24T22:05:00Z; VALID',
      'Bo Schmidt (OT) – signed 2026-11-24T22:05:00Z; VALID',
      'Quorum: met.',
      'Sealed by Cy Facilitator at 2026-11-24T22:10:00Z: the set of signatures is final.',
      'Review date: 2027-05-01',
      `page 1 of ${pages}`,
    ]) {
      expect(summary).toContain(line);
    }
    const last = flat(pageText(pdf, pages));
    for (const line of ['Signatures', 'Cy Facilitator – Neutral, Facilitator', `Key fingerprint: ${room.it.participant.fingerprint}`, 'Signed at: 2026-11-24T22:05:00Z', 'Status: VALID', 'Quorum: met.', bundle.digest]) {
      expect(last).toContain(line);
    }
    const body = flat(Array.from({ length: pages - 2 }, (_, i) => pageText(pdf, i + 2)).join(' '));
    expect(body).toMatch(/^The charter /);
    for (const line of ['The charter', 'Scope', 'Participants', 'Common goals', 'Category: uptime', 'Target: under 2 h', 'Accountable (exactly one): Plant manager']) expect(body).toContain(line);
  });

  it('keeps REDUCED QUORUM and who facilitates on page 1, and the summary to one page however long the charter', async () => {
    const many = Array.from({ length: 60 }, (_, i) => [
      card('goals', { title: `Goal ${i} with a title long enough to wrap onto a second line of the summary page, and then some more words`, metric: 'm', target: 't', itOwner: 'Ana', otOwner: 'Bo' }),
      card('risks', { title: `Risk ${i}`, safeguard: 'A safeguard written out at length. '.repeat(6), itOwner: 'Ana', otOwner: 'Bo' }),
      card('accountability', { title: `Scenario ${i}`, accountable: 'Plant manager' }),
    ]).flat();
    const quorum = { minIT: 0, minOT: 1, facilitator: true, requiredSigners: [], requireSeal: true, reducedReason: 'IT signs the paper copy at the plant.' };
    const b = signedWith(room, frozenBundle(room, quorum, [...sampleCards(), ...many]));
    const pdf = await renderCharterPdf(b);
    const first = flat(pageText(pdf, 1));
    expect(first).toContain('REDUCED QUORUM (no IT signer is required): IT signs the paper copy at the plant.');
    expect(first).toContain('Facilitator: Cy Facilitator');
    expect(first).toMatch(/… and \d+ more in the charter below/);
    expect(first).toContain('Review date: 2027-05-01');
    expect(first).toContain('The full charter follows');
    expect(flat(pageText(pdf, 2))).toMatch(/^The charter /);
  });

  it('speaks the document language: headings, labels, choices, quorum and seal in Chinese', async () => {
    const zh = signedBundle(room, room.all, undefined, true, 'zh-Hans');
    const pdf = await renderCharterPdf(zh);
    const pages = pageCount(pdf);
    const text = flat(pageText(pdf));
    for (const line of ['IT/OT 联合章程 – 第 1 版', '共同目标', '类别：可用性', '目标值：under 2 h', '批准人 – A（仅限一人）：Plant manager', '签名', '状态：有效', '法定人数：已达到。', '已由 Cy Facilitator 于 2026-11-24T22:10:00Z 加封', `第 ${pages} 页，共 ${pages} 页`]) {
      expect(text).toContain(line);
    }
    const quorum = { minIT: 1, minOT: 1, facilitator: true, requiredSigners: [], requireSeal: true };
    const unsigned = flat(pageText(await renderCharterPdf(frozenBundle(room, quorum, sampleCards(), facilitatorOf(room), 'pl'))));
    expect(unsigned).toContain('Kworum: NIEOSIĄGNIĘTE – brakuje: 1 podpisu z IT, 1 podpisu z OT, facylitatora.');
  });

  it('re-renders a bundle of format 1 with layout 1, and refuses one whose format disagrees with its charter', async () => {
    const old = signedBundle(room, room.all, undefined, true, null);
    expect(old.formatVersion).toBe(1);
    const pdf = await renderCharterPdf(old);
    const file = join(dir, 'layout1.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Producer:\s+Bridgeboard charter PDF layout 1 \(pdf-lib\)/);
    expect((await verifyPdf(pdf)).readable).toBe(true);
    expect(parseBundle({ ...old, formatVersion: 2 })).toMatchObject({ ok: false });
    expect(parseBundle({ ...bundle, formatVersion: 1 })).toMatchObject({ ok: false });
    expect(parseBundle({ ...bundle, charter: { ...bundle.charter, language: 'it' } })).toMatchObject({ ok: false });
  });

  it('rejects a PDF whose visible text was edited while the attachment is intact', async () => {
    const pdf = await renderCharterPdf(bundle);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    // Swap two characters of the first line on page 1 inside the page's own text operators (one
    // CID for another of the same font), the way a PDF editor would, and leave the attachment alone.
    const page = doc.getPage(0);
    const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
    const stream = contents instanceof PDFArray ? contents.lookup(0) : contents;
    if (!(stream instanceof PDFRawStream)) throw new Error('expected a content stream');
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    const altered = text.replace(/<([0-9A-F]{4})([0-9A-F]{4})/, '<$2$1');
    expect(altered).not.toBe(text);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(Buffer.from(altered, 'latin1'))));
    const edited = await doc.save({ useObjectStreams: false });
    const check = await extractBundleFromPdf(edited);
    expect(check.ok && check.bundle).toEqual(bundle); // the attachment really is intact
    expect(pageText(edited, 1)).not.toBe(pageText(pdf, 1));
    const result = await verifyPdf(edited);
    expect(result.readable).toBe(true);
    if (!result.readable) return;
    expect(result.verdict.valid).toBe(false);
    expect(result.verdict.problems[0]).toMatch(/not the rendering of the charter embedded in it: .*page 1/);
  });

  it('names the attachment so pdfdetach saves it by name', async () => {
    const file = join(dir, 'named.pdf');
    writeFileSync(file, await renderCharterPdf(bundle));
    execFileSync('pdfdetach', ['-savefile', 'charter-bundle.json', '-o', join(dir, 'saved.json'), file]);
    expect(JSON.parse(execFileSync('cat', [join(dir, 'saved.json')], { encoding: 'utf8' }))).toEqual(bundle);
  });

  it('transliterates what Helvetica cannot draw in layout 1, only on the page', () => {
    expect(toWinAnsi('Łódź → Kraków ≤ 5 min, naïve café “ok” 漢')).toBe('Lódz -> Kraków <= 5 min, naïve café “ok” ?');
  });
});
