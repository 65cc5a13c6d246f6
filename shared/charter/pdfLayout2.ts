// Layout 2 of the charter PDF (bundle format 2): in the version's document language, every
// character drawn with embedded Unicode fonts (pdfFonts.ts), and shaped for the people who read it:
//   page 1      a summary leadership reads in a minute: the title and version, REDUCED QUORUM and
//               who facilitates (when the version says so), the purpose, the goals with their
//               metrics and owners, the top risks with their safeguards, who is accountable for
//               what, who signed from which side and when (with the quorum and the seal), the
//               review date;
//   page 2 on   the whole charter: ids and digests, purpose, scope, review date, participants with
//               their key fingerprints and the quorum rule, every agreed item of every section, the
//               standard references;
//   last page   the signatures: each signer's side, role, fingerprint, time and verdict, who on the
//               roster has not signed, the quorum, the seal, and how to verify the file.
// Signatures and the seal are not part of the frozen version; they are drawn from the bundle the
// PDF embeds, so the verifier re-renders them from that same attachment. Same bundle, same bytes:
// nothing depends on the clock, the machine or the process (docs/charter-format.md, section 7).
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { utf8 } from './charterCrypto';
import { canonicalDigest, canonicalJson } from './canonicalJson';
import type { BundleVerdict } from './bundle';
import type { CharterBundle } from './bundleSchema';
import { floorGaps, type CharterSection, type FrozenCharter } from './charterSchema';
import { charterWords, choiceWord, type CharterWords, type DocumentLanguage } from './charterWords';
import { loadCharterFont, UnicodeFont, type FontLoader } from './pdfFonts';
import { BUNDLE_ATTACHMENT_NAME } from './pdfAttachment';
import { UnicodeWriter, type UnicodeFonts } from './pdfUnicodeWriter';
import { quorumNeeds } from './quorum';

const PRODUCER = 'Bridgeboard charter PDF layout 2 (pdf-lib)';
/** Items of each kind the summary lists before it says how many more the charter holds. */
const SUMMARY_ITEMS = 5;

/** The Latin fonts always; the CJK font only when the bundle has a character they lack. */
async function loadFonts(bundle: CharterBundle, loader: FontLoader): Promise<UnicodeFonts> {
  const [regular, bold] = await Promise.all([loadCharterFont(loader, 'NotoSans-Regular'), loadCharterFont(loader, 'NotoSans-Bold')]);
  const fonts = { regular: new UnicodeFont('NotoSans-Regular', regular), bold: new UnicodeFont('NotoSans-Bold', bold) };
  const seen = new Set<number>();
  let needsCjk = bundle.charter.language === 'zh-Hans';
  for (const ch of needsCjk ? '' : canonicalJson(bundle)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (seen.has(cp)) continue;
    seen.add(cp);
    if (!fonts.regular.has(cp)) {
      needsCjk = true;
      break;
    }
  }
  const cjk = needsCjk ? new UnicodeFont('NotoSansSC-Regular', await loadCharterFont(loader, 'NotoSansSC-Regular')) : null;
  return { ...fonts, cjk };
}

const labelOf = (section: CharterSection | undefined, key: string): string => section?.fields.find((f) => f.key === key)?.label ?? key;

/** A field's value as the page shows it: a choice in the document language, anything else as written. */
function valueOf(words: CharterWords, key: string, value: string): string {
  return key === 'category' ? choiceWord(words, value) : value;
}

interface SummaryBlock {
  readonly heading: string;
  readonly entries: readonly string[];
  /** Lines after the entries that are always shown (the quorum and the seal under the signatures). */
  readonly after: readonly string[];
}

function summaryBlocks(charter: FrozenCharter, verdict: BundleVerdict, words: CharterWords): SummaryBlock[] {
  const section = (id: string) => charter.content.sections.find((s) => s.id === id);
  const items = (id: string) => section(id)?.items ?? [];
  const detail = (sectionId: string, key: string, value: string | undefined) => (value?.trim() ? words.labelled(labelOf(section(sectionId), key), value) : null);
  const owners = (it: string | undefined, ot: string | undefined) => (it?.trim() || ot?.trim() ? words.summary.owners(it?.trim() ?? '', ot?.trim() ?? '') : null);
  const title = (t: string) => t || words.untitled;
  const present = (xs: readonly (string | null)[]) => xs.filter((x): x is string => x !== null);
  const goals = items('goals').map((i) => words.summary.entry(title(i.title), present([detail('goals', 'metric', i.fields.metric), detail('goals', 'target', i.fields.target), owners(i.fields.itOwner, i.fields.otOwner)])));
  const risks = items('risks').map((i) => words.summary.entry(title(i.title), present([detail('risks', 'safeguard', i.fields.safeguard), owners(i.fields.itOwner, i.fields.otOwner)])));
  const accountable = items('accountability').map((i) =>
    words.summary.entry(title(i.title), present([i.fields.accountable?.trim() ? words.summary.accountable(i.fields.accountable.trim()) : null, detail('accountability', 'responseTime', i.fields.responseTime)])),
  );
  const signed = verdict.signers.map((s) => words.summary.entry(`${s.name} (${s.side ? words.sides[s.side] : words.notOnRoster})`, [words.summary.signedAt(s.signedAt), words.statuses[s.status]]));
  return [
    { heading: words.headings.goals, entries: goals, after: [] },
    { heading: words.headings.risks, entries: risks, after: [] },
    { heading: words.headings.accountable, entries: accountable, after: [] },
    { heading: words.headings.signed, entries: signed.length ? signed : [words.noSignatures], after: [quorumLine(charter, verdict, words), sealLine(verdict, words)] },
  ].filter((b) => b.entries.length > 0);
}

function quorumLine(charter: FrozenCharter, verdict: BundleVerdict, words: CharterWords): string {
  if (verdict.quorum.met) return words.quorumMet;
  const valid = new Set(verdict.signers.filter((s) => s.status === 'valid').map((s) => s.signerId));
  return words.quorumNotMet(quorumNeeds(charter.quorum, charter.roster, valid, charter.facilitator));
}

function sealLine(verdict: BundleVerdict, words: CharterWords): string {
  const { seal } = verdict;
  if (seal.status === 'valid') return words.seal.valid(seal.sealedBy ?? '', seal.signedAt ?? '');
  if (seal.status === 'missing') return seal.required ? words.seal.missingRequired : words.seal.missingOptional;
  return words.seal.invalid(seal.status);
}

function reducedQuorum(charter: FrozenCharter, words: CharterWords): string | null {
  const gaps = floorGaps(charter.quorum);
  return gaps.length ? words.reducedQuorum(gaps, charter.quorum.reducedReason ?? null) : null;
}

function facilitator(charter: FrozenCharter, words: CharterWords): string | null {
  const f = charter.facilitator;
  return f ? words.facilitator({ name: f.name, fingerprint: f.fingerprint, established: f.established, coFacilitators: f.coFacilitators }) : null;
}

const ENTRY = { size: 9.5, indent: 10 } as const;
const ENTRY_LINES = 2;
const BLOCK_HEADING = 11.5;

/**
 * Page 1. What must be there is drawn in full first (title, version, REDUCED QUORUM, who
 * facilitates); then the lists get as many items each, up to SUMMARY_ITEMS, as the page holds:
 * the longest list gives one up until everything fits, and "… and N more" says what was left out.
 */
function writeSummary(w: UnicodeWriter, bundle: CharterBundle, verdict: BundleVerdict, words: CharterWords): void {
  const { charter } = bundle;
  const { content } = charter;
  w.text(content.title || words.untitledCharter, { bold: true, size: 20 });
  w.text(words.kind(charter.version, charter.frozenAt), { gray: true });
  const reduced = reducedQuorum(charter, words);
  if (reduced) w.text(reduced, { bold: true, size: 12 });
  const fac = facilitator(charter, words);
  if (fac) w.text(fac, { size: 9 }, 4);
  w.rule();

  const purpose = words.labelled(words.headings.purpose, content.purpose || words.none);
  const review = words.labelled(words.headings.reviewDate, content.reviewDate || words.none);
  const closing = [words.labelled(words.digest, verdict.digest), words.summary.fullText];
  const blocks = summaryBlocks(charter, verdict, words);
  const caps = blocks.map((b) => Math.min(b.entries.length, SUMMARY_ITEMS));
  const shown = (b: SummaryBlock, cap: number) => [...b.entries.slice(0, cap), ...(b.entries.length > cap ? [words.summary.more(b.entries.length - cap)] : [])];
  const height = () =>
    w.measure(purpose, { size: 10 }, 4) +
    w.measure(review, { bold: true, size: 10 }) +
    closing.reduce((h, line) => h + w.measure(line, { size: 8, gray: true }), 0) +
    blocks.reduce(
      (h, b, i) =>
        h +
        BLOCK_HEADING * 1.35 + BLOCK_HEADING * 0.8 +
        shown(b, caps[i] ?? 0).reduce((sum, e) => sum + w.measure(`• ${e}`, ENTRY, ENTRY_LINES), 0) +
        b.after.reduce((sum, line) => sum + w.measure(line, { ...ENTRY, bold: true }), 0),
      0,
    ) +
    24;
  while (height() > w.room) {
    const longest = caps.reduce((best, cap, i) => (cap > (caps[best] ?? 0) ? i : best), 0);
    if ((caps[longest] ?? 0) <= 1) break; // what is left is drawn anyway, and flows on
    caps[longest] = (caps[longest] ?? 0) - 1;
  }

  w.text(purpose, { size: 10 }, 4);
  blocks.forEach((block, i) => {
    w.space(BLOCK_HEADING * 0.6);
    w.text(block.heading, { bold: true, size: BLOCK_HEADING });
    w.space(BLOCK_HEADING * 0.2);
    for (const entry of shown(block, caps[i] ?? 0)) w.text(`• ${entry}`, ENTRY, ENTRY_LINES);
    for (const line of block.after) w.text(line, { ...ENTRY, bold: true });
  });
  w.space(8);
  w.text(review, { bold: true, size: 10 });
  w.space(8);
  for (const line of closing) w.text(line, { size: 8, gray: true });
}

function writeCharter(w: UnicodeWriter, charter: FrozenCharter, digest: string, words: CharterWords): void {
  const { content } = charter;
  w.newPage();
  w.text(words.headings.charter, { bold: true, size: 16 });
  w.text(words.labelled(words.charterId, charter.charterId), { gray: true, size: 9 });
  w.text(words.labelled(words.digest, digest), { size: 8 });
  if (charter.previousDigest) w.text(words.labelled(words.replaces, charter.previousDigest), { size: 8 });
  const fac = facilitator(charter, words);
  if (fac) w.text(fac, { size: 9 });
  w.rule();
  w.heading(words.headings.purpose);
  w.text(content.purpose || words.none);
  w.heading(words.headings.scope);
  w.text(content.scope || words.none);
  w.heading(words.headings.reviewDate);
  w.text(content.reviewDate || words.none);

  w.heading(words.headings.participants);
  for (const p of charter.roster) {
    w.text(`${p.name} – ${words.sides[p.side]}${p.role ? `, ${p.role}` : ''}`, { bold: true, size: 10 });
    w.text(`${words.labelled(words.keyFingerprint, p.fingerprint)}${p.checkedInPerson ? ` (${words.checkedInPerson})` : ''}`, { size: 8, indent: 12 });
  }
  const q = charter.quorum;
  const signers = q.requiredSigners.map((id) => charter.roster.find((p) => p.id === id)?.name ?? id);
  w.text(words.quorumRule({ minIT: q.minIT, minOT: q.minOT, facilitator: q.facilitator, signers, seal: q.requireSeal }), { gray: true });

  for (const section of content.sections) {
    if (section.items.length === 0) continue;
    w.heading(section.title);
    for (const item of section.items) {
      w.text(item.title || words.untitled, { bold: true, size: 10.5 });
      for (const f of section.fields) {
        const value = item.fields[f.key] ?? '';
        w.field(words.labelled(f.label, valueOf(words, f.key, value)), value);
      }
      w.space(4);
    }
  }
  if (content.references.length) {
    w.heading(words.headings.references);
    for (const r of content.references) w.text(`• ${r.reference}`, { indent: 12 });
  }
}

function writeSignatures(w: UnicodeWriter, bundle: CharterBundle, verdict: BundleVerdict, words: CharterWords): void {
  const { charter } = bundle;
  w.newPage();
  w.text(words.headings.signatures, { bold: true, size: 16 });
  w.text(words.signaturesOf(charter.version, charter.charterId), { gray: true });
  w.text(words.labelled(words.digest, verdict.digest), { size: 8 });
  w.rule();
  if (verdict.signers.length === 0) w.text(words.noSignatures);
  for (const s of verdict.signers) {
    w.text(`${s.name} – ${s.side ? words.sides[s.side] : words.notOnRoster}${s.role ? `, ${s.role}` : ''}`, { bold: true, size: 10.5 });
    w.text(words.labelled(words.keyFingerprint, s.fingerprint), { size: 8, indent: 12 });
    w.field(words.labelled(words.signedAt, s.signedAt), s.signedAt);
    w.field(words.labelled(words.status, words.statuses[s.status]), s.status);
    w.space(4);
  }
  const signed = new Set(verdict.signers.filter((s) => s.status === 'valid').map((s) => s.signerId));
  const missing = charter.roster.filter((p) => !signed.has(p.id)).map((p) => `${p.name} (${words.sides[p.side]})`);
  if (missing.length && verdict.signers.length) w.text(words.notSigned(words.list(missing)), { gray: true });
  w.rule();
  w.text(quorumLine(charter, verdict, words), { bold: true });
  w.text(sealLine(verdict, words), { bold: true });
  w.space(8);
  w.text(words.attachment(BUNDLE_ATTACHMENT_NAME), { gray: true, size: 8.5 });
}

/**
 * The bundle as the file attachment charter-bundle.json. Written here rather than with pdf-lib's
 * attach(), which names the file in UTF-16: `pdfdetach -savefile charter-bundle.json` does not
 * match such a name. The name is ASCII, so a plain PDF string names it everywhere.
 */
function attachBundle(doc: PDFDocument, bundle: CharterBundle, frozenAt: Date): void {
  const { context } = doc;
  const bytes = utf8(canonicalJson(bundle));
  const file = context.register(
    context.flateStream(bytes, {
      Type: 'EmbeddedFile',
      Subtype: 'application/json',
      Params: { Size: bytes.length, CreationDate: PDFString.fromDate(frozenAt), ModDate: PDFString.fromDate(frozenAt) },
    }),
  );
  const name = PDFString.of(BUNDLE_ATTACHMENT_NAME);
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: name,
      UF: name,
      EF: { F: file },
      Desc: PDFString.of('Bridgeboard charter bundle: the signed charter, roster, public keys and signatures'),
      AFRelationship: 'Source',
    }),
  );
  doc.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: [name, spec] } }));
  doc.catalog.set(PDFName.of('AF'), context.obj([spec]));
}

/** `verdict` must be verifyBundle(bundle); past `maxPages` the layout throws PageLimitError. */
export async function renderLayout2(bundle: CharterBundle, verdict: BundleVerdict, fonts: FontLoader, maxPages?: number): Promise<Uint8Array> {
  const { charter } = bundle;
  const language: DocumentLanguage = charter.language ?? 'en';
  const words = charterWords(language);
  const frozenAt = new Date(charter.frozenAt);
  const title = charter.content.title || words.untitledCharter;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setSubject(`Bridgeboard charter ${charter.charterId}, version ${charter.version}, SHA-256 ${verdict.digest}`);
  doc.setLanguage(language);
  doc.setProducer(PRODUCER);
  doc.setCreator('Bridgeboard');
  doc.setCreationDate(frozenAt);
  doc.setModificationDate(frozenAt);
  const id = PDFHexString.of(canonicalDigest(bundle).slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  const w = new UnicodeWriter(doc, await loadFonts(bundle, fonts), maxPages);
  writeSummary(w, bundle, verdict, words);
  writeCharter(w, charter, verdict.digest, words);
  writeSignatures(w, bundle, verdict, words);
  w.footers((page, pages) => words.footer(title, charter.version, verdict.digest.slice(0, 16), page, pages));
  w.embedFonts();
  attachBundle(doc, bundle, frozenAt);
  return doc.save({ useObjectStreams: false });
}
