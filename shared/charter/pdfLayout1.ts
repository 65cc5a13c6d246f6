// Layout 1 of the charter PDF, as exported until bundle format 2: English, the standard Helvetica and
// Courier fonts (nothing embedded) and WinAnsi text, so characters outside Windows-1252 are
// transliterated on the page (pdfText.ts). Kept exactly as it was, because a verifier re-renders
// every PDF exported with it and compares the bytes: any change here (a word, a width, a font)
// would make those charters INVALID. New exports use layout 2 (pdfLayout2.ts); charterPdf.ts picks
// the layout from the bundle's format. Same bundle, same bytes: dates come from the bundle's
// frozenAt, producer and creator are fixed, the document ID is derived from the bundle.
import { AFRelationship, PDFDocument, PDFHexString } from 'pdf-lib';
import { utf8 } from './charterCrypto';
import { canonicalDigest, canonicalJson } from './canonicalJson';
import type { CharterBundle } from './bundleSchema';
import type { CharterSection, FrozenCharter } from './charterSchema';
import type { BundleVerdict } from './bundle';
import { facilitatorLine, reducedQuorumLine, sealLine } from './charterLines';
import { BUNDLE_ATTACHMENT_NAME } from './pdfAttachment';
import { embedFonts, PdfWriter } from './pdfWriter';

const PRODUCER = 'Bridgeboard charter PDF layout 1 (pdf-lib)';

const SIDE_LABEL: Record<string, string> = { IT: 'IT', OT: 'OT', facilitator: 'Facilitator' };
const STATUS_LABEL: Record<string, string> = {
  valid: 'VALID',
  'bad-signature': 'INVALID: signature does not verify',
  'wrong-version': 'INVALID: signed another version',
  'unknown-key': 'INVALID: key not on the roster',
  duplicate: 'INVALID: duplicate',
};

function writeCover(w: PdfWriter, charter: FrozenCharter, digest: string): void {
  const { content } = charter;
  w.text(content.title || 'Charter', { font: w.fonts.bold, size: 20 });
  w.text(`Joint IT/OT charter - version ${charter.version}, frozen ${charter.frozenAt}`, { gray: true });
  w.text(`Charter id: ${charter.charterId}`, { gray: true, size: 9 });
  w.text(`SHA-256 digest: ${digest}`, { font: w.fonts.mono, size: 8 });
  if (charter.previousDigest) w.text(`Replaces the version with digest: ${charter.previousDigest}`, { font: w.fonts.mono, size: 8 });
  // Versions frozen before schema 3 have neither line, and render as they always did.
  const reduced = reducedQuorumLine(charter);
  if (reduced) w.text(reduced, { font: w.fonts.bold, size: 12 });
  const facilitator = facilitatorLine(charter);
  if (facilitator) w.text(facilitator, { size: 9 });
  w.rule();
  w.heading('Purpose');
  w.text(content.purpose || '(none)');
  w.heading('Scope');
  w.text(content.scope || '(none)');
  w.heading('Review date');
  w.text(content.reviewDate || '(none)');
}

function writeRoster(w: PdfWriter, charter: FrozenCharter): void {
  w.heading('Participants');
  for (const p of charter.roster) {
    w.text(`${p.name} - ${SIDE_LABEL[p.side] ?? p.side}${p.role ? `, ${p.role}` : ''}`, { font: w.fonts.bold, size: 10 });
    w.text(`Key fingerprint: ${p.fingerprint}${p.checkedInPerson ? '  (checked in person)' : ''}`, { font: w.fonts.mono, size: 8, indent: 12 });
  }
  const q = charter.quorum;
  const rule = [`${q.minIT} IT`, `${q.minOT} OT`, q.facilitator ? 'the facilitator' : '', ...q.requiredSigners.map((id) => charter.roster.find((p) => p.id === id)?.name ?? id)];
  w.text(`Quorum: at least ${rule.filter(Boolean).join(', ')} must sign${q.requireSeal ? ', and a facilitator seals the final set of signatures' : ''}.`, { gray: true });
}

function writeSection(w: PdfWriter, section: CharterSection): void {
  if (section.items.length === 0) return;
  w.heading(section.title);
  for (const item of section.items) {
    w.text(item.title || '(untitled)', { font: w.fonts.bold, size: 10.5 });
    for (const f of section.fields) w.field(f.label, item.fields[f.key] ?? '');
    w.space(4);
  }
}

function writeSignatures(w: PdfWriter, bundle: CharterBundle, verdict: BundleVerdict): void {
  w.newPage();
  w.text('Signatures', { font: w.fonts.bold, size: 16 });
  w.text(`Version ${bundle.charter.version} of charter ${bundle.charter.charterId}`, { gray: true });
  w.text(`SHA-256 digest: ${verdict.digest}`, { font: w.fonts.mono, size: 8 });
  w.rule();
  if (verdict.signers.length === 0) w.text('No signatures yet.');
  for (const s of verdict.signers) {
    w.text(`${s.name} - ${s.side ? SIDE_LABEL[s.side] : 'not on the roster'}${s.role ? `, ${s.role}` : ''}`, { font: w.fonts.bold, size: 10.5 });
    w.text(`Key fingerprint: ${s.fingerprint}`, { font: w.fonts.mono, size: 8, indent: 12 });
    w.field('Signed at', s.signedAt);
    w.field('Status', STATUS_LABEL[s.status] ?? s.status);
    w.space(4);
  }
  w.rule();
  w.text(verdict.quorum.met ? 'Quorum: met.' : `Quorum: NOT met - missing ${verdict.quorum.missing.join(', ')}.`, { font: w.fonts.bold });
  w.text(sealLine(verdict), { font: w.fonts.bold });
  w.space(8);
  w.text(
    `This PDF carries the signed charter as the attachment ${BUNDLE_ATTACHMENT_NAME}. Check it offline with "bridgeboard verify FILE": ` +
      'it verifies each Ed25519 signature over the digest and re-renders these pages from the attachment to prove they show the signed text.',
    { gray: true, size: 8.5 },
  );
}

/** `verdict` must be verifyBundle(bundle); past `maxPages` the layout throws PageLimitError. */
export async function renderLayout1(bundle: CharterBundle, verdict: BundleVerdict, maxPages?: number): Promise<Uint8Array> {
  const { charter } = bundle;
  const frozenAt = new Date(charter.frozenAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(charter.content.title || 'Charter');
  doc.setSubject(`Bridgeboard charter ${charter.charterId}, version ${charter.version}, SHA-256 ${verdict.digest}`);
  doc.setProducer(PRODUCER);
  doc.setCreator('Bridgeboard');
  doc.setCreationDate(frozenAt);
  doc.setModificationDate(frozenAt);
  const id = PDFHexString.of(canonicalDigest(bundle).slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  const w = new PdfWriter(doc, await embedFonts(doc), maxPages);
  writeCover(w, charter, verdict.digest);
  writeRoster(w, charter);
  for (const section of charter.content.sections) writeSection(w, section);
  if (charter.content.references.length) {
    w.heading('Standard references covered');
    for (const r of charter.content.references) w.text(`- ${r.reference}`, { indent: 12 });
  }
  writeSignatures(w, bundle, verdict);
  w.footers(`${charter.content.title || 'Charter'} - version ${charter.version} - ${verdict.digest.slice(0, 16)}`);

  await doc.attach(utf8(canonicalJson(bundle)), BUNDLE_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: 'Bridgeboard charter bundle: the signed charter, roster, public keys and signatures',
    creationDate: frozenAt,
    modificationDate: frozenAt,
    afRelationship: AFRelationship.Source,
  });
  return doc.save({ useObjectStreams: false });
}
