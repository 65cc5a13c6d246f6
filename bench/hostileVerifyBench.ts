// Verify under hostile files (issue 10, items 2 and 4): builds each file of the issue in a temp
// folder (decompression bombs of 200 MiB and 1 GiB, 200 MiB PDF, JSON and Markdown, 48 and 8 MiB
// junk PDFs, a terminal-escape title), plus the costliest files the limits still admit, and runs
// the real CLI on each as a child process: wall and CPU time, peak RSS (VmHWM) and exit code,
// against the budget of 5 s and 300 MB. A file that cannot be built is reported, never fatal.
// Run: npm run bench -- hostile
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
// Charters render with the fonts the project installs, as the CLI does.
import '../test/support/charterFontsSetup';
import { SECTION_IDS, type SectionId } from '../shared/board/sections';
import { buildCharterDraft, canonicalJson, createBundle, freezeCharter, formatBytes, renderCharterMarkdown, renderCharterPdf, VERIFY_LIMITS } from '../shared/charter';
import { card, makeRoom, signedBundle, snapshotOf } from '../test/shared/charter/charterFixtures';
import { buildCliBundle, runCli, SOURCE_CLI, type CliRun } from '../test/support/builtCli';
import { costlyBundle, ESCAPE_TITLE, junkPdf, pdfFromObjects, pdfWithAttachment, singleBlockBomb, tamperedTitleBundle, writeExports, zlibOfZeros } from '../test/support/hostileCharterFiles';

const MiB = 1024 * 1024;
const BUDGET_MS = 5000;
const BUDGET_MB = 300;

interface Case {
  readonly label: string;
  /** Writes the file; returns its path. */
  readonly make: (dir: string) => Promise<string>;
}

/** Writes `head`, then `chunk` until the file is `bytes` long, then `tail`: real content, never all in memory. */
async function writePadded(path: string, head: string, chunk: string, tail: string, bytes: number): Promise<string> {
  const out = createWriteStream(path);
  const write = (text: string) => new Promise<void>((resolve, reject) => out.write(text, (err) => (err ? reject(err) : resolve())));
  await write(head);
  const block = chunk.repeat(Math.ceil(MiB / chunk.length)).slice(0, MiB);
  let left = bytes - head.length - tail.length;
  for (; left >= block.length; left -= block.length) await write(block);
  await write(block.slice(0, left) + tail);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return path;
}

/** The charter bench's 2,000-item board: what a large real workshop exports. */
function realisticBundle() {
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
  const draft = buildCharterDraft({ snapshot: snapshotOf(cards), roster: room.all.map((p) => p.participant), purpose: 'Line 4', scope: 'Line 4', reviewDate: '2027-05-01' });
  return createBundle(freezeCharter({ charterId: 'big', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date('2026-11-24T22:00:00Z') }));
}

const write = async (path: string, bytes: Uint8Array | string): Promise<string> => {
  await writeFile(path, bytes);
  return path;
};

const cases: Case[] = [
  { label: 'baseline: valid charter PDF (3 signers)', make: async (d) => write(join(d, 'charter.pdf'), await renderCharterPdf(signedBundle(makeRoom()))) },
  { label: 'baseline: 2,000-item charter PDF (frozen, unsigned)', make: async (d) => write(join(d, 'big.pdf'), await renderCharterPdf(realisticBundle())) },
  { label: 'baseline: 2,000-item charter Markdown (frozen, unsigned)', make: async (d) => write(join(d, 'big.md'), renderCharterMarkdown(realisticBundle())) },
  { label: 'bomb: PDF attachment inflating to 200 MiB', make: async (d) => write(join(d, 'bomb-200m.pdf'), pdfWithAttachment(await zlibOfZeros(200 * MiB))) },
  { label: 'bomb: PDF attachment inflating to 1 GiB', make: async (d) => write(join(d, 'bomb-1g.pdf'), pdfWithAttachment(await zlibOfZeros(1024 * MiB))) },
  { label: 'bomb: 206 MiB in one deflate block', make: async (d) => write(join(d, 'bomb-block.pdf'), pdfWithAttachment(singleBlockBomb(800_000))) },
  { label: '200 MiB PDF', make: async (d) => writePadded(join(d, 'huge.pdf'), '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Length 209715000 >>\nstream\n', 'BT (x) Tj ET\n', '\nendstream\nendobj\n%%EOF\n', 200 * MiB) },
  { label: '200 MiB JSON', make: async (d) => writePadded(join(d, 'huge.json'), `${canonicalJson(signedBundle(makeRoom())).slice(0, -1)},"pad":"`, 'x', '"}\n', 200 * MiB) },
  { label: '200 MiB Markdown', make: async (d) => writePadded(join(d, 'huge.md'), '# Charter\n\n', '- a line of agreed text\n', `\n${renderCharterMarkdown(signedBundle(makeRoom()))}`, 200 * MiB) },
  { label: 'junk PDF, 48 MiB', make: async (d) => write(join(d, 'junk-48m.pdf'), junkPdf(48 * MiB)) },
  { label: 'junk PDF, 8 MiB', make: async (d) => write(join(d, 'junk-8m.pdf'), junkPdf(8 * MiB)) },
  { label: 'junk PDF, just under the file limit', make: async (d) => write(join(d, 'junk-max.pdf'), junkPdf(VERIFY_LIMITS.maxFileBytes)) },
  { label: 'PDF at the file limit: 200,000 cross-reference entries', make: async (d) => write(join(d, 'xref-flood.pdf'), xrefFlood(200_000)) },
  { label: 'PDF at the file limit: a catalog of 300,000 attachment names', make: async (d) => write(join(d, 'names-flood.pdf'), pdfFromObjects([`<< /Type /Catalog /Names << /EmbeddedFiles << /Names [ ${'(a) 1 0 R '.repeat(300_000)}] >> >> >>`])) },
  { label: 'escape-code title, PDF', make: async (d) => (await writeExports(d, 'escape', tamperedTitleBundle(ESCAPE_TITLE))).pdf },
  { label: 'escape-code title, JSON', make: async (d) => join(d, 'escape.json') },
  { label: 'escape-code title, Markdown', make: async (d) => join(d, 'escape.md') },
  ...(
    [
      ['prose to the bundle limit', 'prose', 1],
      ['10,000-character words to the bundle limit', 'words', 1],
      ['one-letter items, just under the page limit', 'items', 0.55],
      ['one-letter items to the bundle limit (over the page limit)', 'items', 1],
      ['every CJK ideograph, Greek and Cyrillic letter (about 28,000 distinct glyphs) to the bundle limit', 'scripts', 1],
    ] as const
  ).map(([what, filler, share], i) => ({
    label: `costliest PDF: ${VERIFY_LIMITS.maxSignatures} signatures, ${what}`,
    make: async (d: string) => write(join(d, `costly-${i}.pdf`), await renderCharterPdf(costlyBundle({ signers: VERIFY_LIMITS.maxSignatures, fillTo: Math.floor(VERIFY_LIMITS.maxBundleBytes * share), filler }))),
  })),
  {
    label: `costliest Markdown: ${VERIFY_LIMITS.maxSignatures} signatures, one-letter items to the bundle limit`,
    make: async (d) => write(join(d, 'costly.md'), renderCharterMarkdown(costlyBundle({ signers: VERIFY_LIMITS.maxSignatures, fillTo: VERIFY_LIMITS.maxBundleBytes, filler: 'items' }))),
  },
];

/** A PDF whose cross-reference table lists `entries` objects, all pointing at junk. */
function xrefFlood(entries: number): Uint8Array {
  const head = '%PDF-1.7\njunk\n';
  const table = `xref\n0 ${entries}\n${'0000000009 00000 n \n'.repeat(entries)}trailer\n<< /Size ${entries} /Root 1 0 R >>\nstartxref\n${head.length}\n%%EOF\n`;
  return Buffer.from(head + table, 'latin1');
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

function row(label: string, size: string, run: CliRun | null, note: string): void {
  const ms = run ? `${(run.ms / 1000).toFixed(2)} s` : '-';
  const cpu = run && run.cpuMs !== null ? `${(run.cpuMs / 1000).toFixed(2)} s` : '-';
  const mb = run && run.peakMb !== null ? `${run.peakMb.toFixed(0)} MB` : '-';
  const code = run ? String(run.code ?? run.signal) : '-';
  // Judged on CPU time where the machine is shared: other work slows the wall clock, not this.
  const time = run ? (run.cpuMs ?? run.ms) : 0;
  const ok = run && time < BUDGET_MS && (run.peakMb ?? 0) < BUDGET_MB && (run.code === 0 || run.code === 1 || run.code === 2) ? 'ok' : run ? 'OVER' : '';
  console.log(`| ${pad(label, 58)} | ${size.padStart(9)} | ${ms.padStart(7)} | ${cpu.padStart(7)} | ${mb.padStart(7)} | ${code.padStart(4)} | ${ok.padEnd(4)} | ${note}`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bb-hostile-bench-'));
  try {
    let cli = SOURCE_CLI;
    try {
      cli = await buildCliBundle(dir);
      console.log('CLI: the bundled bin (esbuild, as npm run build:cli), run with node');
    } catch (err) {
      console.log(`CLI: could not bundle it (${err instanceof Error ? err.message : String(err)}); running the source through tsx instead`);
    }
    console.log(`Limits: file ${formatBytes(VERIFY_LIMITS.maxFileBytes)}, bundle ${formatBytes(VERIFY_LIMITS.maxBundleBytes)}, ${VERIFY_LIMITS.maxSignatures} signatures. Budget: under ${BUDGET_MS / 1000} s and ${BUDGET_MB} MB each.\n`);
    const load = loadavg().map((l) => l.toFixed(1)).join(', ');
    console.log(`Load average before the run: ${load} on ${cpus().length} CPUs (wall time suffers from other load; CPU time does not).\n`);
    console.log(`| ${pad('file', 58)} | ${'size'.padStart(9)} | ${'wall'.padStart(7)} | ${'CPU'.padStart(7)} | ${'peak'.padStart(7)} | exit |      | answer`);
    console.log(`|${'-'.repeat(60)}|${'-'.repeat(11)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(9)}|------|------|-------`);
    for (const c of cases) {
      let file: string;
      let size: string;
      try {
        file = await c.make(dir);
        size = formatBytes((await stat(file)).size);
      } catch (err) {
        row(c.label, '-', null, `could not build the file: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      try {
        const run = await runCli(cli, ['verify', file], 120_000);
        const answer = (run.stderr.trim() || run.stdout.split('\n')[0] || '').replace(`${file}: `, '');
        row(c.label, size, run, answer.slice(0, 140));
      } catch (err) {
        row(c.label, size, null, `could not run the CLI: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!c.label.startsWith('escape')) await rm(file, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.log(`hostile verify bench stopped: ${err instanceof Error ? err.message : String(err)}`);
});
