// The charter's document language: every word the charter's PDF (layout 2) and Markdown (format 2)
// print that is not the charter's own text, in each language the app speaks. The facilitator
// picks one language per version and it is frozen with it (FrozenCharter.language), so every
// reader and every verifier renders the same words: a charter is one document, not a view in
// each reader's language.
//
// Two kinds of words live here. Section titles and field labels are copied into the version when
// it is frozen (charterDraft.ts), like the English ones always were, so changing them here changes
// only later versions; they are the board's words in that language (the renderer's catalogs; a
// test keeps the two the same). Everything else (headings, sentences, sides, statuses, choices) is
// read at render time, so it is part of the layout: a verifier re-renders an exported PDF with
// these words and compares bytes, and changing one would turn every charter exported with it
// INVALID. Change them only together with a new layout version (docs/charter-format.md, section 7).
//
// Plain functions, no Intl: plural forms are written out per language, so the words never depend
// on the ICU data of the machine that renders them.
import type { Side } from '../board/sections';
import type { FloorGap } from './charterSchema';
import type { SignatureStatus } from './signatureCheck';

export const DOCUMENT_LANGUAGES = ['en', 'de', 'fr', 'es', 'pl', 'zh-Hans'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** The sections a charter holds (charterDraft.ts CHARTER_SECTIONS). */
export type CharterSectionId = 'goals' | 'tradeoffs' | 'incentives' | 'accountability' | 'risks' | 'language' | 'skills';

/** What the quorum still needs, for words in any language (quorum.ts quorumNeeds). */
export type QuorumNeed =
  | { readonly kind: 'side'; readonly side: 'IT' | 'OT'; readonly count: number }
  | { readonly kind: 'facilitator' }
  | { readonly kind: 'signer'; readonly name: string | null; readonly id: string };

export interface FacilitatorWords {
  readonly name: string;
  readonly fingerprint: string;
  readonly established: 'workshop' | 'handover';
  readonly coFacilitators: readonly { readonly name: string; readonly fingerprint: string; readonly expiresAt: string }[];
}

export interface CharterWords {
  /** The language's name in itself, for the facilitator's picker. */
  readonly name: string;
  readonly sections: { readonly [S in CharterSectionId]: { readonly title: string; readonly fields: Readonly<Record<string, string>> } };
  /** Words for the values of choice fields (a card stores the value, e.g. "uptime"). */
  readonly choices: Readonly<Record<string, string>>;
  readonly sides: Readonly<Record<Side, string>>;
  /** "Label: value" with the language's punctuation. */
  readonly labelled: (label: string, value: string) => string;
  /** A list of names or phrases: "a, b, c". */
  readonly list: (items: readonly string[]) => string;
  readonly untitledCharter: string;
  readonly untitled: string;
  readonly none: string;
  readonly kind: (version: number, frozenAt: string) => string;
  readonly charterId: string;
  readonly digest: string;
  readonly replaces: string;
  readonly reducedQuorum: (gaps: readonly FloorGap[], reason: string | null) => string;
  readonly facilitator: (f: FacilitatorWords) => string;
  readonly headings: {
    readonly summary: string;
    readonly purpose: string;
    readonly scope: string;
    readonly reviewDate: string;
    readonly charter: string;
    readonly participants: string;
    readonly references: string;
    readonly goals: string;
    readonly risks: string;
    readonly accountable: string;
    readonly signed: string;
    readonly signatures: string;
  };
  readonly keyFingerprint: string;
  readonly checkedInPerson: string;
  readonly quorumRule: (rule: { readonly minIT: number; readonly minOT: number; readonly facilitator: boolean; readonly signers: readonly string[]; readonly seal: boolean }) => string;
  /** One summary line about a goal, a risk or an accountability scenario, after its title. */
  readonly summary: {
    /** An item on the summary page: its title, then what matters about it. */
    readonly entry: (title: string, details: readonly string[]) => string;
    readonly owners: (it: string, ot: string) => string;
    readonly accountable: (who: string) => string;
    readonly more: (count: number) => string;
    readonly signedAt: (at: string) => string;
    readonly fullText: string;
  };
  readonly signaturesOf: (version: number, charterId: string) => string;
  readonly noSignatures: string;
  readonly notSigned: (names: string) => string;
  readonly notOnRoster: string;
  readonly signedAt: string;
  readonly status: string;
  readonly statuses: Readonly<Record<SignatureStatus, string>>;
  readonly quorumMet: string;
  readonly quorumNotMet: (needs: readonly QuorumNeed[]) => string;
  readonly seal: {
    readonly valid: (by: string, at: string) => string;
    readonly missingRequired: string;
    readonly missingOptional: string;
    readonly invalid: (status: string) => string;
  };
  readonly attachment: (name: string) => string;
  readonly footer: (title: string, version: number, digest: string, page: number, pages: number) => string;
}

/** English plural: one for 1, other otherwise (also German and Spanish). */
const oneOther = (n: number, one: string, other: string): string => (n === 1 ? one : other);
/** French: one for 0 and 1. */
const frPlural = (n: number, one: string, other: string): string => (n === 0 || n === 1 ? one : other);
/** Polish: one (1), few (2-4, 22-24, … but not 12-14), many (the rest). */
function plPlural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const t = n % 10;
  const h = n % 100;
  return t >= 2 && t <= 4 && (h < 12 || h > 14) ? few : many;
}

const commaList = (items: readonly string[]): string => items.join(', ');

const en: CharterWords = {
  name: 'English',
  sections: {
    goals: { title: 'Common goals', fields: { category: 'Category', metric: 'Metric', target: 'Target', itOwner: 'IT owner', otOwner: 'OT owner', reference: 'Standard reference' } },
    tradeoffs: { title: 'Trade-offs', fields: { itView: 'IT view', otView: 'OT view', resolution: 'Agreed resolution', reference: 'Standard reference' } },
    incentives: { title: 'Incentives', fields: { itMeasure: 'IT is measured on', otMeasure: 'OT is measured on', shared: 'Shared incentive' } },
    accountability: {
      title: 'Accountability',
      fields: { accountable: 'Accountable (exactly one)', responsible: 'Responsible', consulted: 'Consulted', informed: 'Informed', itResponders: 'IT responders', otResponders: 'OT responders', responseTime: 'Response time', reference: 'Standard reference' },
    },
    risks: { title: 'Risks and safeguards', fields: { category: 'Category', safeguard: 'Safeguard', zoneConduit: 'Zone or conduit (IEC 62443)', itOwner: 'IT owner', otOwner: 'OT owner', reference: 'Standard reference' } },
    language: { title: 'Shared language', fields: { itMeaning: 'Meaning in IT', otMeaning: 'Meaning in OT' } },
    skills: { title: 'Skills', fields: { teacher: 'Taught by', learner: 'Learned by', plan: 'Plan' } },
  },
  choices: {},
  sides: { IT: 'IT', OT: 'OT', facilitator: 'Neutral' },
  labelled: (label, value) => `${label}: ${value}`,
  list: commaList,
  untitledCharter: 'Charter',
  untitled: '(untitled)',
  none: '(none)',
  kind: (version, frozenAt) => `Joint IT/OT charter – version ${version}, frozen ${frozenAt}`,
  charterId: 'Charter id',
  digest: 'SHA-256 digest',
  replaces: 'Replaces the version with digest',
  reducedQuorum: (gaps, reason) =>
    `REDUCED QUORUM (${gaps.map((g) => ({ IT: 'no IT signer is required', OT: 'no OT signer is required', facilitator: 'the facilitator need not sign', seal: 'no seal is required' })[g]).join('; ')}): ${reason ?? 'no reason given'}`,
  facilitator: (f) => {
    const how = f.established === 'workshop' ? 'the key fixed when the workshop was created' : 'the workshop was handed over to this key';
    const cos = f.coFacilitators.map((c) => `${c.name} (key ${c.fingerprint}, until ${c.expiresAt})`);
    return `Facilitator: ${f.name}, key ${f.fingerprint} (${how}).${cos.length ? ` Co-facilitators: ${cos.join('; ')}.` : ''}`;
  },
  headings: {
    summary: 'Summary',
    purpose: 'Purpose',
    scope: 'Scope',
    reviewDate: 'Review date',
    charter: 'The charter',
    participants: 'Participants',
    references: 'Standard references covered',
    goals: 'Goals',
    risks: 'Top risks',
    accountable: 'Who is accountable',
    signed: 'Who signed',
    signatures: 'Signatures',
  },
  keyFingerprint: 'Key fingerprint',
  checkedInPerson: 'checked in person',
  quorumRule: (r) => {
    const who = [`${r.minIT} IT`, `${r.minOT} OT`, ...(r.facilitator ? ['the facilitator'] : []), ...r.signers];
    return `Quorum: at least ${who.join(', ')} must sign${r.seal ? ', and the facilitator seals the final set of signatures' : ''}.`;
  },
  summary: {
    entry: (title, details) => (details.length ? `${title} – ${details.join('; ')}` : title),
    owners: (it, ot) => `owners: IT ${it || '–'}, OT ${ot || '–'}`,
    accountable: (who) => `accountable: ${who}`,
    more: (n) => `… and ${n} more in the charter below`,
    signedAt: (at) => `signed ${at}`,
    fullText: 'The full charter follows; the signatures are on the last page.',
  },
  signaturesOf: (version, charterId) => `Version ${version} of charter ${charterId}`,
  noSignatures: 'No signatures yet.',
  notSigned: (names) => `Not signed: ${names}.`,
  notOnRoster: 'not on the roster',
  signedAt: 'Signed at',
  status: 'Status',
  statuses: {
    valid: 'VALID',
    'bad-signature': 'INVALID: signature does not verify',
    'wrong-version': 'INVALID: signed another version',
    'unknown-key': 'INVALID: key not on the roster',
    duplicate: 'INVALID: duplicate',
  },
  quorumMet: 'Quorum: met.',
  quorumNotMet: (needs) =>
    `Quorum: NOT met – missing ${needs
      .map((n) => {
        if (n.kind === 'side') return `${n.count} more ${n.side} ${oneOther(n.count, 'signer', 'signers')}`;
        if (n.kind === 'facilitator') return 'the facilitator';
        return n.name !== null ? `${n.name} (required signer)` : `required signer ${n.id} (not on the roster)`;
      })
      .join(', ')}.`,
  seal: {
    valid: (by, at) => `Sealed by ${by} at ${at}: the set of signatures is final.`,
    missingRequired: 'Not sealed yet: a facilitator has not sealed the final set of signatures.',
    missingOptional: 'Not sealed (not required by this charter).',
    invalid: (status) => `Seal INVALID (${status}).`,
  },
  attachment: (name) =>
    `This PDF carries the signed charter as the attachment ${name}. Check it offline with "bridgeboard verify FILE": it verifies each Ed25519 signature over the digest and re-renders these pages from the attachment to prove they show the signed text.`,
  footer: (title, version, digest, page, pages) => `${title} – version ${version} – ${digest} – page ${page} of ${pages}`,
};

const de: CharterWords = {
  name: 'Deutsch',
  sections: {
    goals: { title: 'Gemeinsame Ziele', fields: { category: 'Kategorie', metric: 'Kennzahl', target: 'Zielwert', itOwner: 'Verantwortlich (IT)', otOwner: 'Verantwortlich (OT)', reference: 'Normbezug' } },
    tradeoffs: { title: 'Zielkonflikte', fields: { itView: 'Sicht der IT', otView: 'Sicht der OT', resolution: 'Vereinbarte Lösung', reference: 'Normbezug' } },
    incentives: { title: 'Anreize', fields: { itMeasure: 'Die IT wird gemessen an', otMeasure: 'Die OT wird gemessen an', shared: 'Gemeinsamer Anreiz' } },
    accountability: {
      title: 'Verantwortlichkeiten',
      fields: {
        accountable: 'Gesamtverantwortlich – A (genau eine Person)',
        responsible: 'Durchführungsverantwortlich – R',
        consulted: 'Konsultiert – C',
        informed: 'Informiert – I',
        itResponders: 'Einsatzkräfte IT',
        otResponders: 'Einsatzkräfte OT',
        responseTime: 'Reaktionszeit',
        reference: 'Normbezug',
      },
    },
    risks: { title: 'Risiken und Schutzmaßnahmen', fields: { category: 'Kategorie', safeguard: 'Schutzmaßnahme', zoneConduit: 'Zone oder Conduit (IEC 62443)', itOwner: 'Verantwortlich (IT)', otOwner: 'Verantwortlich (OT)', reference: 'Normbezug' } },
    language: { title: 'Gemeinsame Sprache', fields: { itMeaning: 'Bedeutung in der IT', otMeaning: 'Bedeutung in der OT' } },
    skills: { title: 'Kompetenzen', fields: { teacher: 'Vermittelt von', learner: 'Gelernt von', plan: 'Plan' } },
  },
  choices: {
    uptime: 'Verfügbarkeit',
    safety: 'Funktionale Sicherheit',
    resilience: 'Resilienz',
    performance: 'Leistung',
    security: 'Informationssicherheit',
    quality: 'Qualität',
    cybersecurity: 'Cybersicherheit',
    segmentation: 'Segmentierung',
    operational: 'Betrieb',
    other: 'Sonstiges',
  },
  sides: { IT: 'IT', OT: 'OT', facilitator: 'Neutral' },
  labelled: (label, value) => `${label}: ${value}`,
  list: commaList,
  untitledCharter: 'Charta',
  untitled: '(ohne Titel)',
  none: '(keine Angabe)',
  kind: (version, frozenAt) => `Gemeinsame IT/OT-Charta – Version ${version}, festgeschrieben ${frozenAt}`,
  charterId: 'Charta-ID',
  digest: 'SHA-256-Prüfwert',
  replaces: 'Ersetzt die Version mit dem Prüfwert',
  reducedQuorum: (gaps, reason) =>
    `VERRINGERTES QUORUM (${gaps
      .map((g) => ({ IT: 'keine Unterschrift aus der IT erforderlich', OT: 'keine Unterschrift aus der OT erforderlich', facilitator: 'die Moderation muss nicht unterschreiben', seal: 'kein Siegel erforderlich' })[g])
      .join('; ')}): ${reason ?? 'ohne Begründung'}`,
  facilitator: (f) => {
    const how = f.established === 'workshop' ? 'der bei der Anlage des Workshops festgelegte Schlüssel' : 'der Workshop wurde an diesen Schlüssel übergeben';
    const cos = f.coFacilitators.map((c) => `${c.name} (Schlüssel ${c.fingerprint}, bis ${c.expiresAt})`);
    return `Moderation: ${f.name}, Schlüssel ${f.fingerprint} (${how}).${cos.length ? ` Ko-Moderation: ${cos.join('; ')}.` : ''}`;
  },
  headings: {
    summary: 'Zusammenfassung',
    purpose: 'Zweck',
    scope: 'Geltungsbereich',
    reviewDate: 'Überprüfung am',
    charter: 'Die Charta',
    participants: 'Teilnehmende',
    references: 'Abgedeckte Normbezüge',
    goals: 'Ziele',
    risks: 'Wichtigste Risiken',
    accountable: 'Wer verantwortlich ist',
    signed: 'Wer unterschrieben hat',
    signatures: 'Unterschriften',
  },
  keyFingerprint: 'Fingerabdruck des Schlüssels',
  checkedInPerson: 'persönlich geprüft',
  quorumRule: (r) => {
    const who = [`${r.minIT} aus der IT`, `${r.minOT} aus der OT`, ...(r.facilitator ? ['die Moderation'] : []), ...r.signers];
    return `Quorum: Es unterschreiben mindestens ${who.join(', ')}${r.seal ? ', und die Moderation versiegelt die endgültigen Unterschriften' : ''}.`;
  },
  summary: {
    entry: (title, details) => (details.length ? `${title} – ${details.join('; ')}` : title),
    owners: (it, ot) => `verantwortlich: IT ${it || '–'}, OT ${ot || '–'}`,
    accountable: (who) => `gesamtverantwortlich: ${who}`,
    more: (n) => `… und ${n} weitere in der Charta unten`,
    signedAt: (at) => `unterschrieben ${at}`,
    fullText: 'Es folgt die vollständige Charta; die Unterschriften stehen auf der letzten Seite.',
  },
  signaturesOf: (version, charterId) => `Version ${version} der Charta ${charterId}`,
  noSignatures: 'Noch keine Unterschriften.',
  notSigned: (names) => `Nicht unterschrieben: ${names}.`,
  notOnRoster: 'nicht in der Teilnehmerliste',
  signedAt: 'Unterschrieben am',
  status: 'Status',
  statuses: {
    valid: 'GÜLTIG',
    'bad-signature': 'UNGÜLTIG: Signatur lässt sich nicht prüfen',
    'wrong-version': 'UNGÜLTIG: für eine andere Version',
    'unknown-key': 'UNGÜLTIG: Schlüssel nicht in der Teilnehmerliste',
    duplicate: 'UNGÜLTIG: doppelt',
  },
  quorumMet: 'Quorum: erreicht.',
  quorumNotMet: (needs) =>
    `Quorum: NICHT erreicht – es fehlen ${needs
      .map((n) => {
        if (n.kind === 'side') return `${n.count} ${oneOther(n.count, 'weitere Unterschrift', 'weitere Unterschriften')} aus der ${n.side}`;
        if (n.kind === 'facilitator') return 'die Moderation';
        return n.name !== null ? `${n.name} (muss unterschreiben)` : `Pflichtunterschrift ${n.id} (nicht in der Teilnehmerliste)`;
      })
      .join(', ')}.`,
  seal: {
    valid: (by, at) => `Versiegelt von ${by} am ${at}: Die Unterschriften sind endgültig.`,
    missingRequired: 'Noch nicht versiegelt: Die Moderation hat die endgültigen Unterschriften noch nicht versiegelt.',
    missingOptional: 'Nicht versiegelt (für diese Charta nicht erforderlich).',
    invalid: (status) => `Siegel UNGÜLTIG (${status}).`,
  },
  attachment: (name) =>
    `Dieses PDF enthält die unterschriebene Charta als Anhang ${name}. Offline prüfen mit „bridgeboard verify DATEI“: Das prüft jede Ed25519-Signatur über den Prüfwert und erzeugt diese Seiten neu aus dem Anhang, um zu belegen, dass sie den unterschriebenen Text zeigen.`,
  footer: (title, version, digest, page, pages) => `${title} – Version ${version} – ${digest} – Seite ${page} von ${pages}`,
};

const fr: CharterWords = {
  name: 'Français',
  sections: {
    goals: { title: 'Objectifs communs', fields: { category: 'Catégorie', metric: 'Indicateur', target: 'Cible', itOwner: 'Responsable IT', otOwner: 'Responsable OT', reference: 'Référence normative' } },
    tradeoffs: { title: 'Arbitrages', fields: { itView: 'Point de vue IT', otView: 'Point de vue OT', resolution: 'Résolution convenue', reference: 'Référence normative' } },
    incentives: { title: 'Incitations', fields: { itMeasure: 'L’IT est évaluée sur', otMeasure: 'L’OT est évaluée sur', shared: 'Incitation commune' } },
    accountability: {
      title: 'Responsabilités',
      fields: {
        accountable: 'Approbateur – A (une seule personne)',
        responsible: 'Responsable – R',
        consulted: 'Consulté – C',
        informed: 'Informé – I',
        itResponders: 'Intervenants IT',
        otResponders: 'Intervenants OT',
        responseTime: 'Délai d’intervention',
        reference: 'Référence normative',
      },
    },
    risks: { title: 'Risques et mesures de protection', fields: { category: 'Catégorie', safeguard: 'Mesure de protection', zoneConduit: 'Zone ou conduit (IEC 62443)', itOwner: 'Responsable IT', otOwner: 'Responsable OT', reference: 'Référence normative' } },
    language: { title: 'Langage commun', fields: { itMeaning: 'Sens côté IT', otMeaning: 'Sens côté OT' } },
    skills: { title: 'Compétences', fields: { teacher: 'Transmise par', learner: 'Acquise par', plan: 'Plan' } },
  },
  choices: {
    uptime: 'disponibilité',
    safety: 'sécurité des personnes',
    resilience: 'résilience',
    performance: 'performance',
    security: 'sécurité de l’information',
    quality: 'qualité',
    cybersecurity: 'cybersécurité',
    segmentation: 'segmentation',
    operational: 'exploitation',
    other: 'autre',
  },
  sides: { IT: 'IT', OT: 'OT', facilitator: 'Neutre' },
  // French sets a (non-breaking) space before the colon.
  labelled: (label, value) => `${label}\u00a0: ${value}`,
  list: commaList,
  untitledCharter: 'Charte',
  untitled: '(sans titre)',
  none: '(non renseigné)',
  kind: (version, frozenAt) => `Charte commune IT/OT – version ${version}, figée le ${frozenAt}`,
  charterId: 'Identifiant de la charte',
  digest: 'Empreinte SHA-256',
  replaces: 'Remplace la version d’empreinte',
  reducedQuorum: (gaps, reason) =>
    `QUORUM RÉDUIT (${gaps
      .map((g) => ({ IT: 'aucune signature IT n’est exigée', OT: 'aucune signature OT n’est exigée', facilitator: 'le facilitateur n’a pas à signer', seal: 'aucun scellé n’est exigé' })[g])
      .join('\u00a0; ')})\u00a0: ${reason ?? 'aucun motif donné'}`,
  facilitator: (f) => {
    const how = f.established === 'workshop' ? 'la clé fixée à la création de l’atelier' : 'l’atelier a été confié à cette clé';
    const cos = f.coFacilitators.map((c) => `${c.name} (clé ${c.fingerprint}, jusqu’au ${c.expiresAt})`);
    return `Facilitateur\u00a0: ${f.name}, clé ${f.fingerprint} (${how}).${cos.length ? ` Co-facilitateurs\u00a0: ${cos.join('\u00a0; ')}.` : ''}`;
  },
  headings: {
    summary: 'Synthèse',
    purpose: 'Objet',
    scope: 'Périmètre',
    reviewDate: 'Date de révision',
    charter: 'La charte',
    participants: 'Participants',
    references: 'Références normatives couvertes',
    goals: 'Objectifs',
    risks: 'Principaux risques',
    accountable: 'Qui est responsable',
    signed: 'Qui a signé',
    signatures: 'Signatures',
  },
  keyFingerprint: 'Empreinte de la clé',
  checkedInPerson: 'vérifiée en personne',
  quorumRule: (r) => {
    const who = [`${r.minIT} IT`, `${r.minOT} OT`, ...(r.facilitator ? ['le facilitateur'] : []), ...r.signers];
    return `Quorum\u00a0: doivent signer au moins ${who.join(', ')}${r.seal ? ', puis un facilitateur scelle l’ensemble définitif des signatures' : ''}.`;
  },
  summary: {
    entry: (title, details) => (details.length ? `${title} – ${details.join('\u00a0; ')}` : title),
    owners: (it, ot) => `responsables\u00a0: IT ${it || '–'}, OT ${ot || '–'}`,
    accountable: (who) => `approbateur\u00a0: ${who}`,
    more: (n) => `… et ${n} ${frPlural(n, 'autre', 'autres')} dans la charte ci-dessous`,
    signedAt: (at) => `signé le ${at}`,
    fullText: 'La charte complète suit\u00a0; les signatures figurent sur la dernière page.',
  },
  signaturesOf: (version, charterId) => `Version ${version} de la charte ${charterId}`,
  noSignatures: 'Aucune signature pour l’instant.',
  notSigned: (names) => `N’ont pas signé\u00a0: ${names}.`,
  notOnRoster: 'absent de la liste des participants',
  signedAt: 'Signé le',
  status: 'Statut',
  statuses: {
    valid: 'VALIDE',
    'bad-signature': 'INVALIDE\u00a0: la signature ne se vérifie pas',
    'wrong-version': 'INVALIDE\u00a0: une autre version a été signée',
    'unknown-key': 'INVALIDE\u00a0: clé absente de la liste des participants',
    duplicate: 'INVALIDE\u00a0: en double',
  },
  quorumMet: 'Quorum\u00a0: atteint.',
  quorumNotMet: (needs) =>
    `Quorum\u00a0: NON atteint – il manque ${needs
      .map((n) => {
        if (n.kind === 'side') return `${n.count} ${frPlural(n.count, 'signataire', 'signataires')} ${n.side} de plus`;
        if (n.kind === 'facilitator') return 'le facilitateur';
        return n.name !== null ? `${n.name} (signataire requis)` : `le signataire requis ${n.id} (absent de la liste)`;
      })
      .join(', ')}.`,
  seal: {
    valid: (by, at) => `Scellé par ${by} le ${at}\u00a0: l’ensemble des signatures est définitif.`,
    missingRequired: 'Pas encore scellé\u00a0: aucun facilitateur n’a scellé l’ensemble définitif des signatures.',
    missingOptional: 'Non scellé (non exigé par cette charte).',
    invalid: (status) => `Scellé INVALIDE (${status}).`,
  },
  attachment: (name) =>
    `Ce PDF contient la charte signée en pièce jointe ${name}. Vérifiez-la hors ligne avec «\u00a0bridgeboard verify FICHIER\u00a0»\u00a0: chaque signature Ed25519 est vérifiée sur l’empreinte, et ces pages sont recréées à partir de la pièce jointe pour prouver qu’elles montrent le texte signé.`,
  footer: (title, version, digest, page, pages) => `${title} – version ${version} – ${digest} – page ${page} sur ${pages}`,
};

const es: CharterWords = {
  name: 'Español',
  sections: {
    goals: { title: 'Objetivos comunes', fields: { category: 'Categoría', metric: 'Indicador', target: 'Meta', itOwner: 'Responsable de IT', otOwner: 'Responsable de OT', reference: 'Referencia normativa' } },
    tradeoffs: { title: 'Disyuntivas', fields: { itView: 'Visión de IT', otView: 'Visión de OT', resolution: 'Solución acordada', reference: 'Referencia normativa' } },
    incentives: { title: 'Incentivos', fields: { itMeasure: 'A IT se le mide por', otMeasure: 'A OT se le mide por', shared: 'Incentivo compartido' } },
    accountability: {
      title: 'Responsabilidades',
      fields: {
        accountable: 'Aprobador – A (solo una persona)',
        responsible: 'Responsable – R',
        consulted: 'Consultado – C',
        informed: 'Informado – I',
        itResponders: 'Equipo de respuesta de IT',
        otResponders: 'Equipo de respuesta de OT',
        responseTime: 'Tiempo de respuesta',
        reference: 'Referencia normativa',
      },
    },
    risks: { title: 'Riesgos y salvaguardas', fields: { category: 'Categoría', safeguard: 'Salvaguarda', zoneConduit: 'Zona o conducto (IEC 62443)', itOwner: 'Responsable de IT', otOwner: 'Responsable de OT', reference: 'Referencia normativa' } },
    language: { title: 'Lenguaje común', fields: { itMeaning: 'Significado en IT', otMeaning: 'Significado en OT' } },
    skills: { title: 'Competencias', fields: { teacher: 'Enseña', learner: 'Aprende', plan: 'Plan' } },
  },
  choices: {
    uptime: 'disponibilidad',
    safety: 'seguridad funcional',
    resilience: 'resiliencia',
    performance: 'rendimiento',
    security: 'seguridad de la información',
    quality: 'calidad',
    cybersecurity: 'ciberseguridad',
    segmentation: 'segmentación',
    operational: 'operación',
    other: 'otra',
  },
  sides: { IT: 'IT', OT: 'OT', facilitator: 'Neutral' },
  labelled: (label, value) => `${label}: ${value}`,
  list: commaList,
  untitledCharter: 'Acta',
  untitled: '(sin título)',
  none: '(sin indicar)',
  kind: (version, frozenAt) => `Acta conjunta IT/OT – versión ${version}, cerrada el ${frozenAt}`,
  charterId: 'Identificador del acta',
  digest: 'Huella SHA-256',
  replaces: 'Sustituye a la versión con huella',
  reducedQuorum: (gaps, reason) =>
    `QUÓRUM REDUCIDO (${gaps
      .map((g) => ({ IT: 'no se exige ninguna firma de IT', OT: 'no se exige ninguna firma de OT', facilitator: 'la facilitación no tiene que firmar', seal: 'no se exige sello' })[g])
      .join('; ')}): ${reason ?? 'sin motivo indicado'}`,
  facilitator: (f) => {
    const how = f.established === 'workshop' ? 'la clave fijada al crear el taller' : 'el taller se traspasó a esta clave';
    const cos = f.coFacilitators.map((c) => `${c.name} (clave ${c.fingerprint}, hasta ${c.expiresAt})`);
    return `Facilitación: ${f.name}, clave ${f.fingerprint} (${how}).${cos.length ? ` Cofacilitación: ${cos.join('; ')}.` : ''}`;
  },
  headings: {
    summary: 'Resumen',
    purpose: 'Propósito',
    scope: 'Alcance',
    reviewDate: 'Fecha de revisión',
    charter: 'El acta',
    participants: 'Participantes',
    references: 'Referencias normativas cubiertas',
    goals: 'Objetivos',
    risks: 'Riesgos principales',
    accountable: 'Quién responde',
    signed: 'Quién firmó',
    signatures: 'Firmas',
  },
  keyFingerprint: 'Huella de la clave',
  checkedInPerson: 'comprobada en persona',
  quorumRule: (r) => {
    const who = [`${r.minIT} de IT`, `${r.minOT} de OT`, ...(r.facilitator ? ['la facilitación'] : []), ...r.signers];
    return `Quórum: deben firmar al menos ${who.join(', ')}${r.seal ? ', y la facilitación sella el conjunto final de firmas' : ''}.`;
  },
  summary: {
    entry: (title, details) => (details.length ? `${title} – ${details.join('; ')}` : title),
    owners: (it, ot) => `responsables: IT ${it || '–'}, OT ${ot || '–'}`,
    accountable: (who) => `aprobador: ${who}`,
    more: (n) => `… y ${n} más en el acta, más abajo`,
    signedAt: (at) => `firmó el ${at}`,
    fullText: 'A continuación, el acta completa; las firmas están en la última página.',
  },
  signaturesOf: (version, charterId) => `Versión ${version} del acta ${charterId}`,
  noSignatures: 'Todavía no hay firmas.',
  notSigned: (names) => `Sin firmar: ${names}.`,
  notOnRoster: 'no figura en la lista de participantes',
  signedAt: 'Firmado el',
  status: 'Estado',
  statuses: {
    valid: 'VÁLIDA',
    'bad-signature': 'NO VÁLIDA: la firma no se verifica',
    'wrong-version': 'NO VÁLIDA: firmó otra versión',
    'unknown-key': 'NO VÁLIDA: clave fuera de la lista de participantes',
    duplicate: 'NO VÁLIDA: duplicada',
  },
  quorumMet: 'Quórum: alcanzado.',
  quorumNotMet: (needs) =>
    `Quórum: NO alcanzado – faltan ${needs
      .map((n) => {
        if (n.kind === 'side') return `${n.count} ${oneOther(n.count, 'firma', 'firmas')} más de ${n.side}`;
        if (n.kind === 'facilitator') return 'la facilitación';
        return n.name !== null ? `${n.name} (firma obligatoria)` : `la firma obligatoria ${n.id} (no figura en la lista)`;
      })
      .join(', ')}.`,
  seal: {
    valid: (by, at) => `Sellada por ${by} el ${at}: el conjunto de firmas es definitivo.`,
    missingRequired: 'Aún sin sellar: la facilitación no ha sellado el conjunto final de firmas.',
    missingOptional: 'Sin sellar (esta acta no lo exige).',
    invalid: (status) => `Sello NO VÁLIDO (${status}).`,
  },
  attachment: (name) =>
    `Este PDF contiene el acta firmada como adjunto ${name}. Compruébela sin conexión con «bridgeboard verify ARCHIVO»: verifica cada firma Ed25519 sobre la huella y vuelve a generar estas páginas a partir del adjunto para demostrar que muestran el texto firmado.`,
  footer: (title, version, digest, page, pages) => `${title} – versión ${version} – ${digest} – página ${page} de ${pages}`,
};

const pl: CharterWords = {
  name: 'Polski',
  sections: {
    goals: { title: 'Wspólne cele', fields: { category: 'Kategoria', metric: 'Miernik', target: 'Wartość docelowa', itOwner: 'Właściciel po stronie IT', otOwner: 'Właściciel po stronie OT', reference: 'Odniesienie do normy' } },
    tradeoffs: { title: 'Kompromisy', fields: { itView: 'Perspektywa IT', otView: 'Perspektywa OT', resolution: 'Uzgodnione rozwiązanie', reference: 'Odniesienie do normy' } },
    incentives: { title: 'Motywatory', fields: { itMeasure: 'IT jest rozliczane z', otMeasure: 'OT jest rozliczane z', shared: 'Wspólny motywator' } },
    accountability: {
      title: 'Odpowiedzialność',
      fields: {
        accountable: 'Rozliczany – A (dokładnie jedna osoba)',
        responsible: 'Odpowiedzialny – R',
        consulted: 'Konsultowany – C',
        informed: 'Informowany – I',
        itResponders: 'Reagujący po stronie IT',
        otResponders: 'Reagujący po stronie OT',
        responseTime: 'Czas reakcji',
        reference: 'Odniesienie do normy',
      },
    },
    risks: { title: 'Ryzyka i zabezpieczenia', fields: { category: 'Kategoria', safeguard: 'Zabezpieczenie', zoneConduit: 'Strefa lub kanał (IEC 62443)', itOwner: 'Właściciel po stronie IT', otOwner: 'Właściciel po stronie OT', reference: 'Odniesienie do normy' } },
    language: { title: 'Wspólny język', fields: { itMeaning: 'Znaczenie w IT', otMeaning: 'Znaczenie w OT' } },
    skills: { title: 'Kompetencje', fields: { teacher: 'Uczy', learner: 'Uczy się', plan: 'Plan' } },
  },
  choices: {
    uptime: 'dostępność',
    safety: 'bezpieczeństwo funkcjonalne',
    resilience: 'odporność',
    performance: 'wydajność',
    security: 'bezpieczeństwo informacji',
    quality: 'jakość',
    cybersecurity: 'cyberbezpieczeństwo',
    segmentation: 'segmentacja',
    operational: 'eksploatacja',
    other: 'inne',
  },
  sides: { IT: 'IT', OT: 'OT', facilitator: 'Neutralny' },
  labelled: (label, value) => `${label}: ${value}`,
  list: commaList,
  untitledCharter: 'Karta współpracy',
  untitled: '(bez tytułu)',
  none: '(brak)',
  kind: (version, frozenAt) => `Wspólna karta współpracy IT/OT – wersja ${version}, zamrożona ${frozenAt}`,
  charterId: 'Identyfikator karty',
  digest: 'Skrót SHA-256',
  replaces: 'Zastępuje wersję o skrócie',
  reducedQuorum: (gaps, reason) =>
    `OBNIŻONE KWORUM (${gaps
      .map((g) => ({ IT: 'nie jest wymagany podpis IT', OT: 'nie jest wymagany podpis OT', facilitator: 'facylitator nie musi podpisać', seal: 'nie jest wymagana pieczęć' })[g])
      .join('; ')}): ${reason ?? 'nie podano powodu'}`,
  facilitator: (f) => {
    const how = f.established === 'workshop' ? 'klucz ustalony przy tworzeniu warsztatu' : 'warsztat przekazano temu kluczowi';
    const cos = f.coFacilitators.map((c) => `${c.name} (klucz ${c.fingerprint}, do ${c.expiresAt})`);
    return `Facylitator: ${f.name}, klucz ${f.fingerprint} (${how}).${cos.length ? ` Współfacylitatorzy: ${cos.join('; ')}.` : ''}`;
  },
  headings: {
    summary: 'Podsumowanie',
    purpose: 'Cel',
    scope: 'Zakres',
    reviewDate: 'Data przeglądu',
    charter: 'Karta',
    participants: 'Uczestnicy',
    references: 'Uwzględnione odniesienia do norm',
    goals: 'Cele',
    risks: 'Najważniejsze ryzyka',
    accountable: 'Kto odpowiada',
    signed: 'Kto podpisał',
    signatures: 'Podpisy',
  },
  keyFingerprint: 'Odcisk klucza',
  checkedInPerson: 'sprawdzony osobiście',
  quorumRule: (r) => {
    const who = [`${r.minIT} z IT`, `${r.minOT} z OT`, ...(r.facilitator ? ['facylitator'] : []), ...r.signers];
    return `Kworum: muszą podpisać co najmniej ${who.join(', ')}${r.seal ? ', a facylitator opieczętowuje ostateczny zestaw podpisów' : ''}.`;
  },
  summary: {
    entry: (title, details) => (details.length ? `${title} – ${details.join('; ')}` : title),
    owners: (it, ot) => `właściciele: IT ${it || '–'}, OT ${ot || '–'}`,
    accountable: (who) => `rozliczany: ${who}`,
    more: (n) => `… i ${n} ${plPlural(n, 'kolejna pozycja', 'kolejne pozycje', 'kolejnych pozycji')} w karcie poniżej`,
    signedAt: (at) => `podpisano ${at}`,
    fullText: 'Dalej pełna treść karty; podpisy na ostatniej stronie.',
  },
  signaturesOf: (version, charterId) => `Wersja ${version} karty ${charterId}`,
  noSignatures: 'Brak podpisów.',
  notSigned: (names) => `Nie podpisali: ${names}.`,
  notOnRoster: 'spoza listy uczestników',
  signedAt: 'Podpisano',
  status: 'Stan',
  statuses: {
    valid: 'WAŻNY',
    'bad-signature': 'NIEWAŻNY: podpis się nie weryfikuje',
    'wrong-version': 'NIEWAŻNY: podpisano inną wersję',
    'unknown-key': 'NIEWAŻNY: klucz spoza listy uczestników',
    duplicate: 'NIEWAŻNY: duplikat',
  },
  quorumMet: 'Kworum: osiągnięte.',
  quorumNotMet: (needs) =>
    `Kworum: NIEOSIĄGNIĘTE – brakuje: ${needs
      .map((n) => {
        if (n.kind === 'side') return `${n.count} ${plPlural(n.count, 'podpisu', 'podpisów', 'podpisów')} z ${n.side}`;
        if (n.kind === 'facilitator') return 'facylitatora';
        return n.name !== null ? `${n.name} (wymagany podpis)` : `wymaganego podpisu ${n.id} (spoza listy)`;
      })
      .join(', ')}.`,
  seal: {
    valid: (by, at) => `Opieczętowano przez ${by}, ${at}: zestaw podpisów jest ostateczny.`,
    missingRequired: 'Jeszcze nieopieczętowana: facylitator nie opieczętował ostatecznego zestawu podpisów.',
    missingOptional: 'Nieopieczętowana (ta karta tego nie wymaga).',
    invalid: (status) => `Pieczęć NIEWAŻNA (${status}).`,
  },
  attachment: (name) =>
    `Ten PDF zawiera podpisaną kartę jako załącznik ${name}. Sprawdź ją offline poleceniem „bridgeboard verify PLIK”: weryfikuje ono każdy podpis Ed25519 złożony na skrócie i odtwarza te strony z załącznika, aby wykazać, że pokazują podpisany tekst.`,
  footer: (title, version, digest, page, pages) => `${title} – wersja ${version} – ${digest} – strona ${page} z ${pages}`,
};

const zhHans: CharterWords = {
  name: '简体中文',
  sections: {
    goals: { title: '共同目标', fields: { category: '类别', metric: '衡量指标', target: '目标值', itOwner: 'IT 负责人', otOwner: 'OT 负责人', reference: '标准条款' } },
    tradeoffs: { title: '权衡取舍', fields: { itView: 'IT 的观点', otView: 'OT 的观点', resolution: '商定的解决方案', reference: '标准条款' } },
    incentives: { title: '激励机制', fields: { itMeasure: 'IT 的考核标准', otMeasure: 'OT 的考核标准', shared: '共同激励' } },
    accountability: {
      title: '责任分工',
      fields: {
        accountable: '批准人 – A（仅限一人）',
        responsible: '执行人 – R',
        consulted: '咨询对象 – C',
        informed: '知会对象 – I',
        itResponders: 'IT 响应人员',
        otResponders: 'OT 响应人员',
        responseTime: '响应时间',
        reference: '标准条款',
      },
    },
    risks: { title: '风险与防护措施', fields: { category: '类别', safeguard: '防护措施', zoneConduit: '区域或管道（IEC 62443）', itOwner: 'IT 负责人', otOwner: 'OT 负责人', reference: '标准条款' } },
    language: { title: '共同语言', fields: { itMeaning: '在 IT 中的含义', otMeaning: '在 OT 中的含义' } },
    skills: { title: '技能', fields: { teacher: '传授者', learner: '学习者', plan: '计划' } },
  },
  choices: {
    uptime: '可用性',
    safety: '功能安全',
    resilience: '韧性',
    performance: '性能',
    security: '信息安全',
    quality: '质量',
    cybersecurity: '网络安全',
    segmentation: '网络分段',
    operational: '运行',
    other: '其他',
  },
  sides: { IT: 'IT', OT: 'OT', facilitator: '中立' },
  labelled: (label, value) => `${label}：${value}`,
  list: (items) => items.join('、'),
  untitledCharter: '章程',
  untitled: '（无标题）',
  none: '（未填写）',
  kind: (version, frozenAt) => `IT/OT 联合章程 – 第 ${version} 版，定稿于 ${frozenAt}`,
  charterId: '章程编号',
  digest: 'SHA-256 摘要',
  replaces: '取代摘要为以下值的版本',
  reducedQuorum: (gaps, reason) =>
    `法定人数已降低（${gaps.map((g) => ({ IT: '无需 IT 签署', OT: '无需 OT 签署', facilitator: '引导师无需签署', seal: '无需封印' })[g]).join('；')}）：${reason ?? '未说明原因'}`,
  facilitator: (f) => {
    const how = f.established === 'workshop' ? '创建研讨会时确定的密钥' : '研讨会已移交给此密钥';
    const cos = f.coFacilitators.map((c) => `${c.name}（密钥 ${c.fingerprint}，有效期至 ${c.expiresAt}）`);
    return `引导师：${f.name}，密钥 ${f.fingerprint}（${how}）。${cos.length ? `协同引导师：${cos.join('；')}。` : ''}`;
  },
  headings: {
    summary: '摘要',
    purpose: '目的',
    scope: '范围',
    reviewDate: '复审日期',
    charter: '章程全文',
    participants: '参与者',
    references: '涵盖的标准条款',
    goals: '目标',
    risks: '主要风险',
    accountable: '责任人',
    signed: '签署情况',
    signatures: '签名',
  },
  keyFingerprint: '密钥指纹',
  checkedInPerson: '已当面核对',
  quorumRule: (r) => {
    const who = [`${r.minIT} 名 IT 人员`, `${r.minOT} 名 OT 人员`, ...(r.facilitator ? ['引导师'] : []), ...r.signers];
    return `法定人数：至少须由${who.join('、')}签署${r.seal ? '，并由引导师对最终签名集加封' : ''}。`;
  },
  summary: {
    entry: (title, details) => (details.length ? `${title}：${details.join('；')}` : title),
    owners: (it, ot) => `负责人：IT ${it || '–'}，OT ${ot || '–'}`,
    accountable: (who) => `批准人：${who}`,
    more: (n) => `……另有 ${n} 项，见下文章程全文`,
    signedAt: (at) => `签署于 ${at}`,
    fullText: '章程全文见后页；签名见最后一页。',
  },
  signaturesOf: (version, charterId) => `章程 ${charterId} 第 ${version} 版`,
  noSignatures: '尚无签名。',
  notSigned: (names) => `未签署：${names}。`,
  notOnRoster: '不在参与者名单中',
  signedAt: '签署时间',
  status: '状态',
  statuses: {
    valid: '有效',
    'bad-signature': '无效：签名验证失败',
    'wrong-version': '无效：签署的是其他版本',
    'unknown-key': '无效：密钥不在参与者名单中',
    duplicate: '无效：重复签名',
  },
  quorumMet: '法定人数：已达到。',
  quorumNotMet: (needs) =>
    `法定人数：未达到 – 还缺${needs
      .map((n) => {
        if (n.kind === 'side') return ` ${n.count} 名 ${n.side} 签署人`;
        if (n.kind === 'facilitator') return '引导师';
        return n.name !== null ? `${n.name}（必须签署）` : `必须签署人 ${n.id}（不在名单中）`;
      })
      .join('、')}。`,
  seal: {
    valid: (by, at) => `已由 ${by} 于 ${at} 加封：签名集为最终版本。`,
    missingRequired: '尚未加封：引导师尚未对最终签名集加封。',
    missingOptional: '未加封（本章程不要求）。',
    invalid: (status) => `封印无效（${status}）。`,
  },
  attachment: (name) =>
    `本 PDF 以附件 ${name} 的形式包含已签署的章程。可用“bridgeboard verify 文件”离线核验：它会针对摘要验证每个 Ed25519 签名，并根据附件重新生成这些页面，以证明页面显示的就是已签署的文本。`,
  footer: (title, version, digest, page, pages) => `${title} – 第 ${version} 版 – ${digest} – 第 ${page} 页，共 ${pages} 页`,
};

const WORDS: Readonly<Record<DocumentLanguage, CharterWords>> = { en, de, fr, es, pl, 'zh-Hans': zhHans };

export const charterWords = (language: DocumentLanguage): CharterWords => WORDS[language];

/** A choice value in the document language; a value the language has no word for stays as it is. */
export const choiceWord = (words: CharterWords, value: string): string => (Object.prototype.hasOwnProperty.call(words.choices, value) ? (words.choices[value] ?? value) : value);
