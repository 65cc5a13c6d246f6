// The verifier's limits (docs/charter-format.md, section 10): the largest real charter fits them
// with room to spare, and each one refuses the first byte or signature past it, in every kind of
// file, with the limit named. Limits are lowered here so that small files, built exactly like the
// big hostile ones, cross them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCharterFile } from '../../../cli/readCharterFile';
import { SECTION_IDS, type SectionId } from '../../../shared/board/sections';
import {
  buildCharterDraft,
  canonicalJson,
  createBundle,
  formatBytes,
  freezeCharter,
  renderCharterMarkdown,
  renderCharterPdf,
  verifyCharterFile,
  VERIFY_LIMITS,
  type VerifyLimits,
} from '../../../shared/charter';
import { utf8 } from '../../../shared/crypto';
import { pdfWithAttachment, writeSizedFile, zlibOfZeros } from '../../support/hostileCharterFiles';
import { card, makeRoom, signedBundle, snapshotOf } from './charterFixtures';

const lowered = (limits: Partial<VerifyLimits>): VerifyLimits => ({ ...VERIFY_LIMITS, ...limits });
const reason = async (bytes: Uint8Array, limits: VerifyLimits) => {
  const result = await verifyCharterFile(bytes, limits);
  return result.readable ? `readable, ${result.verdict.valid ? 'valid' : 'invalid'}` : result.error;
};

describe('verify limits', () => {
  const bundle = signedBundle(makeRoom());
  const json = utf8(canonicalJson(bundle));

  it('fit the largest charter a workshop makes: 2,000 items, verified from each export', async () => {
    // The charter bench's board: every field filled, the long ones with a sentence or two.
    const long = 'The agreed approach, written out as a workshop would, with enough words to wrap over several lines on the page. ';
    const sections = SECTION_IDS.filter((s) => s !== 'parking');
    const cards = Array.from({ length: 2000 }, (_, i) =>
      card(sections[i % sections.length] as SectionId, {
        title: `Item ${i + 1}: a realistic title`, metric: 'unplanned downtime per month', target: 'under 2 hours', itOwner: 'Ana', otOwner: 'Bo',
        itView: long, otView: long, resolution: long + long, accountable: 'Plant manager', itResponders: 'ML ops', otResponders: 'Shift lead', responseTime: '15 min',
        safeguard: long, itMeaning: long, otMeaning: long, plan: long, reference: `REF ${i % 12}`,
      }),
    );
    const room = makeRoom();
    const draft = buildCharterDraft({ snapshot: snapshotOf(cards), roster: room.all.map((p) => p.participant), purpose: 'Line 4', scope: 'Line 4', reviewDate: '2027-05-01', language: 'en' });
    const big = createBundle(freezeCharter({ charterId: 'big', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date('2026-11-24T22:00:00Z'), language: 'en' }));
    const exports = [await renderCharterPdf(big), utf8(canonicalJson(big)), utf8(renderCharterMarkdown(big))];
    // With headroom: it still verifies under limits cut to a third (file), two thirds (bundle)
    // and half (pages).
    const tighter = lowered({ maxFileBytes: VERIFY_LIMITS.maxFileBytes / 3, maxBundleBytes: (VERIFY_LIMITS.maxBundleBytes * 2) / 3, maxPages: VERIFY_LIMITS.maxPages / 2 });
    for (const file of exports) {
      const result = await verifyCharterFile(file, tighter);
      expect(result.readable ? result.verdict.problems.filter((p) => !p.startsWith('Quorum') && !p.startsWith('Seal')) : result.error).toEqual([]);
    }
  });

  it('refuse a file one byte over the size limit, before looking inside', async () => {
    expect(await reason(json, lowered({ maxFileBytes: json.length }))).toBe('readable, valid');
    expect(await reason(json, lowered({ maxFileBytes: json.length - 1 }))).toBe(`the file is ${json.length} bytes; a charter export is at most ${json.length - 1} bytes, so it was not read`);
  });

  it('refuse a bundle over its limit in a JSON, a Markdown and a PDF file alike', async () => {
    const limits = lowered({ maxBundleBytes: 4096 });
    expect(await reason(json, limits)).toBe(`the JSON file is ${formatBytes(json.length)}; a charter bundle is at most 4 KiB, so it was not read`);
    expect(await reason(utf8(renderCharterMarkdown(bundle)), limits)).toBe(`the charter bundle in the Markdown file is ${formatBytes(json.length)}; a charter bundle is at most 4 KiB, so it was not read`);
    expect(await reason(await renderCharterPdf(bundle), limits)).toBe('the charter-bundle.json attachment inflates to more than 4 KiB, the limit for a charter bundle, so it was not read');
  });

  it('refuse a bomb past a lowered limit just as one past the real limit', async () => {
    const bomb = pdfWithAttachment(await zlibOfZeros(1024 * 1024));
    expect(bomb.length).toBeLessThan(4096);
    expect(await reason(bomb, lowered({ maxBundleBytes: 64 * 1024 }))).toBe('the charter-bundle.json attachment inflates to more than 64 KiB, the limit for a charter bundle, so it was not read');
  });

  it('stop re-rendering a PDF at the page limit', async () => {
    const pdf = await renderCharterPdf(bundle);
    expect(await reason(pdf, lowered({ maxPages: 4 }))).toBe('readable, valid');
    expect(await reason(pdf, lowered({ maxPages: 3 }))).toBe('the embedded charter renders to more than 3 pages; a verifier renders at most 3, so it was not checked');
  });

  it('refuse more signatures than a verifier checks', async () => {
    expect(bundle.signatures.length).toBe(3);
    expect(await reason(json, lowered({ maxSignatures: 2 }))).toBe('the JSON file has 3 signatures; a verifier checks at most 2, so it was not read');
  });

  it('read a file only after checking its size and kind, and never block on a pipe or a device', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-limits-'));
    try {
      await writeSizedFile(join(dir, 'big.json'), '{', VERIFY_LIMITS.maxFileBytes + 1);
      expect(await readCharterFile(join(dir, 'big.json'))).toEqual({ ok: false, error: 'the file is 4194305 bytes; a charter export is at most 4194304 bytes, so it was not read' });
      await writeFile(join(dir, 'small.json'), json);
      expect(await readCharterFile(join(dir, 'small.json'))).toEqual({ ok: true, bytes: json });
      expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
      expect(await readCharterFile(join(dir, 'pipe'))).toEqual({ ok: false, error: 'it is not a regular file (a device, pipe or socket), so it was not read' });
      expect(await readCharterFile('/dev/zero')).toEqual({ ok: false, error: 'it is not a regular file (a device, pipe or socket), so it was not read' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('state sizes the way people read them', () => {
    expect([0, 1, 95, 1024, 1536, 4 * 1024 * 1024, 200 * 1024 * 1024, 1024 ** 3].map(formatBytes)).toEqual(['0 bytes', '1 byte', '95 bytes', '1 KiB', '1.5 KiB', '4 MiB', '200 MiB', '1 GiB']);
  });
});
