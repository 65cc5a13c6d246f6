// Charter figures: Ed25519 sign and verify rates, export time and size for a 200-item charter in
// Latin and in Chinese script (PDF layout 2, embedded font subsets) and in layout 1 (format 1,
// standard fonts) for comparison, and verify time for a PDF with 50 signatures.
// Run: npx tsx bench/charterBench.ts
import { sign, verify, createPublicKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SECTION_IDS, type SectionId } from '../shared/board/sections';
import {
  addSignature,
  applySeal,
  buildCharterDraft,
  createBundle,
  freezeCharter,
  renderCharterMarkdown,
  renderCharterPdf,
  setCharterFontLoader,
  signingMessageFor,
  verifyBundle,
  verifyCharterFile,
  type CharterBundle,
  type DocumentLanguage,
} from '../shared/charter';
import { nodeFontLoader } from '../cli/charterFonts';
import { fromBase64url, signingMessage, verifyEd25519 } from '../shared/crypto';
import { card, makeIdentity, sealAs, signAs, snapshotOf, type TestIdentity } from '../test/shared/charter/charterFixtures';

function rate(label: string, seconds: number, fn: () => void): void {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() < end) {
    fn();
    n += 1;
  }
  const elapsed = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(44)} ${(n / elapsed).toFixed(0).padStart(8)} ops/s`);
}

async function time<T>(label: string, runs: number, fn: () => Promise<T> | T): Promise<T> {
  let result = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  console.log(`${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms (median of ${runs})`);
  return result;
}

const sections = SECTION_IDS.filter((s) => s !== 'parking');
function bigBoard(items: number) {
  const long = 'The agreed approach, written out as a workshop would, with enough words to wrap over several lines on the page. ';
  return Array.from({ length: items }, (_, i) => {
    const section = sections[i % sections.length] as SectionId;
    return card(section, {
      title: `Item ${i + 1}: ${section} card with a realistic title`,
      metric: 'unplanned downtime per month', target: 'under 2 hours', itOwner: 'Ana', otOwner: 'Bo',
      itView: long, otView: long, resolution: long + long, accountable: 'Plant manager', itResponders: 'ML ops', otResponders: 'Shift lead', responseTime: '15 min',
      safeguard: long, itMeaning: long, otMeaning: long, plan: long, reference: `REF ${i % 12}`,
    });
  });
}

/**
 * The same board written in Chinese: each text cycles through a pool of `distinct` ideographs
 * (a 200-item Chinese charter uses on the order of a thousand different characters).
 */
function chineseBoard(items: number, distinct: number) {
  const pool = Array.from({ length: distinct }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20900)));
  let at = 0;
  const text = (n: number) => Array.from({ length: n }, () => pool[at++ % pool.length]).join('');
  return bigBoard(items).map((c) => ({ ...c, fields: Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, k === 'reference' ? v : text(Math.max(4, Math.round(v.length / 3)))])) }));
}

function bundleWith(items: number, people: readonly TestIdentity[], language: DocumentLanguage | null = 'en', cards = bigBoard(items)): CharterBundle {
  const draft = buildCharterDraft({ snapshot: snapshotOf(cards), roster: people.map((p) => p.participant), purpose: 'Bench', scope: 'Bench', reviewDate: '2027-01-01', ...(language ? { language } : {}) });
  return createBundle(freezeCharter({ charterId: 'bench', content: draft.content, roster: draft.roster, quorum: draft.quorum, frozenAt: new Date('2026-11-24T22:00:00Z'), ...(language ? { language } : {}) }));
}

/** Everyone signs, then the first facilitator seals, as in a real room. */
function signAll(bundle: CharterBundle, people: readonly TestIdentity[]): CharterBundle {
  let b = bundle;
  for (const who of people) {
    const r = addSignature(b, signAs(b, who));
    if (!r.ok) throw new Error(r.reason);
    b = r.bundle;
  }
  const facilitator = people.find((p) => p.participant.side === 'facilitator');
  if (!facilitator) throw new Error('no facilitator');
  const sealed = applySeal(b, sealAs(b, facilitator));
  if (!sealed.ok) throw new Error(sealed.reason);
  return sealed.bundle;
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${process.arch}`);
  setCharterFontLoader(nodeFontLoader());
  const alice = makeIdentity('a', 'Alice', 'IT');
  const message = signingMessage({ charterId: 'bench', version: 1, digest: 'ab'.repeat(32), signedAt: '2026-11-24T22:00:00Z' });
  const signature = new Uint8Array(sign(null, message, alice.privateKey));
  const pub = fromBase64url(alice.participant.publicKey);
  const nodeKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: alice.participant.publicKey }, format: 'jwk' });

  console.log('\n-- Ed25519 --');
  rate('sign (node:crypto, main process)', 1, () => sign(null, message, alice.privateKey));
  rate('verify (@noble/curves, shared/ code)', 1, () => verifyEd25519(pub, message, signature));
  rate('verify (node:crypto, for comparison)', 1, () => verify(null, message, nodeKey, signature));

  console.log('\n-- 200-item charter, 3 signers --');
  const three = [makeIdentity('it', 'Ana', 'IT'), makeIdentity('ot', 'Bo', 'OT'), makeIdentity('fac', 'Cy', 'facilitator')];
  const frozen = await time('draft + freeze (RFC 8785 + SHA-256)', 10, () => bundleWith(200, three));
  const signed = signAll(frozen, three);
  const pdf = await time('export PDF', 5, () => renderCharterPdf(signed));
  const md = await time('export Markdown', 10, () => renderCharterMarkdown(signed));
  console.log(`${'PDF size / Markdown size'.padEnd(44)} ${(pdf.length / 1024).toFixed(0)} KiB / ${(md.length / 1024).toFixed(0)} KiB`);
  const check = await time('verify PDF (bundle + re-render + compare)', 5, () => verifyCharterFile(pdf));
  if (!check.readable || !check.verdict.valid) throw new Error('bench PDF did not verify');
  const layout1 = signAll(bundleWith(200, three, null), three);
  const pdf1 = await time('export PDF, layout 1 (format 1, no fonts)', 5, () => renderCharterPdf(layout1));
  console.log(`${'PDF size, layout 1'.padEnd(44)} ${(pdf1.length / 1024).toFixed(0)} KiB`);

  for (const distinct of [1000, 3000]) {
    console.log(`\n-- 200-item charter in Chinese (zh-Hans), ${distinct} distinct ideographs --`);
    const zh = signAll(bundleWith(200, three, 'zh-Hans', chineseBoard(200, distinct)), three);
    const pdfZh = await time('export PDF', 5, () => renderCharterPdf(zh));
    console.log(`${'PDF size'.padEnd(44)} ${(pdfZh.length / 1024).toFixed(0)} KiB`);
    const checkZh = await time('verify PDF (bundle + re-render + compare)', 5, () => verifyCharterFile(pdfZh));
    if (!checkZh.readable || !checkZh.verdict.valid) throw new Error('bench PDF did not verify');
  }

  console.log('\n-- 50 signatures --');
  const fifty = Array.from({ length: 50 }, (_, i) => makeIdentity(`p${i}`, `Person ${i}`, i === 0 ? 'facilitator' : i % 2 ? 'IT' : 'OT', 'Engineer'));
  const signed50 = signAll(bundleWith(40, fifty), fifty);
  await time('verifyBundle, 50 signatures', 10, () => verifyBundle(signed50));
  const pdf50 = await renderCharterPdf(signed50);
  const verdict = await time('verify PDF, 50 signatures', 5, () => verifyCharterFile(pdf50));
  if (!verdict.readable || !verdict.verdict.valid) throw new Error('bench PDF did not verify');
  console.log(`${'signing message bytes'.padEnd(44)} ${signingMessageFor(signed50, '2026-11-24T22:00:00Z').length} B`);
}

void main();
