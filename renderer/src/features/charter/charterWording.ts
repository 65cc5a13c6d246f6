// The charter's words in the reader's language for what shared/charter reports as data: the
// draft's findings, what a quorum still needs, why a quorum is below the default, signature and
// seal statuses, and what changed between versions. shared/ keeps English for the CLI and
// logs; the app words the same data from the catalog. (The signed document itself speaks its
// own document language: charterWords in shared/charter.)
import { floorGaps, splitNames, type CharterContent, type CharterDiff, type CharterFinding, type FloorGap, type QuorumNeed, type QuorumRule } from '../../../../shared/charter';
import type { SectionId } from '../../../../shared/board';
import { fieldLabel, sectionTitle, sideLabel, type Formatter, type MessageKey, type Translate } from '../../core/i18n';

const blank = (value: string | undefined): boolean => (value ?? '').trim() === '';

const GAP_KEYS: Readonly<Record<FloorGap, MessageKey>> = {
  IT: 'charter.gap.IT',
  OT: 'charter.gap.OT',
  facilitator: 'charter.gap.facilitator',
  seal: 'charter.gap.seal',
};

/** What makes a quorum rule lower than the default, as one phrase; empty when it is not. */
export function belowFloorText(t: Translate, format: Formatter, rule: QuorumRule): string {
  return format.list(floorGaps(rule).map((gap) => t(GAP_KEYS[gap])));
}

/** Why a rule cannot be applied or frozen as it stands (below the default without a reason); null when it can. */
export function quorumProblemText(t: Translate, format: Formatter, rule: QuorumRule): string | null {
  if (floorGaps(rule).length === 0 || rule.reducedReason?.trim()) return null;
  return t('charter.error.quorumBelow', { gaps: belowFloorText(t, format, rule) });
}

/** One thing a quorum still needs. */
export function needText(t: Translate, need: QuorumNeed): string {
  if (need.kind === 'side') return t('charter.need.side', { count: need.count, side: sideLabel(t, need.side) });
  if (need.kind === 'facilitator') return t('charter.need.facilitator');
  return need.name !== null ? t('charter.need.signer', { name: need.name }) : t('charter.need.unknownSigner', { id: need.id });
}

/** Which of IT and OT an item lacks, from its two fields, as "IT", "OT" or both in the reader's words. */
function sides(t: Translate, format: Formatter, itBlank: boolean, otBlank: boolean, type: 'or' | 'and'): string {
  const out = [itBlank ? sideLabel(t, 'IT') : '', otBlank ? sideLabel(t, 'OT') : ''].filter(Boolean);
  return format.list(out, type === 'or' ? 'disjunction' : 'conjunction');
}

/** A finding of the draft's checks, worded from its code and the data it is about. */
export function findingText(t: Translate, format: Formatter, finding: CharterFinding, content: CharterContent): string {
  const item = finding.cardId ? content.sections.flatMap((s) => s.items).find((i) => i.cardId === finding.cardId) : undefined;
  const title = item?.title.trim() || t('charter.finding.untitled');
  const f = item?.fields ?? {};
  switch (finding.code) {
    case 'accountable-count':
      return t('charter.finding.accountableCount', { title, count: splitNames(f.accountable ?? '').length });
    case 'responders-one-side':
      return t('charter.finding.respondersOneSide', { title });
    case 'response-time-missing':
      return t('charter.finding.responseTimeMissing', { title });
    case 'goal-owner-missing':
      return t('charter.finding.goalOwnerMissing', { title, sides: sides(t, format, blank(f.itOwner), blank(f.otOwner), 'or') });
    case 'goal-metric-missing':
      return t('charter.finding.goalMetricMissing', { title });
    case 'tradeoff-view-missing':
      return t('charter.finding.tradeoffViewMissing', { title, sides: sides(t, format, blank(f.itView), blank(f.otView), 'and') });
    case 'tradeoff-resolution-missing':
      return t('charter.finding.tradeoffResolutionMissing', { title });
    case 'risk-owner-missing':
      return t('charter.finding.riskOwnerMissing', { title });
    case 'no-it-participant':
      return t('charter.finding.noIT');
    case 'no-ot-participant':
      return t('charter.finding.noOT');
    case 'no-facilitator':
      return t('charter.finding.noFacilitator');
    case 'duplicate-key':
      return t('charter.finding.duplicateKey', { name: finding.name ?? '' });
    case 'not-checked-in-person':
      return t('charter.finding.notChecked', { name: finding.name ?? '' });
    case 'quorum-unreachable': {
      const u = finding.unreachable;
      const needs = u
        ? [
            ...(u.it !== null ? [t('charter.finding.unreachableSide', { count: u.it, side: sideLabel(t, 'IT') })] : []),
            ...(u.ot !== null ? [t('charter.finding.unreachableSide', { count: u.ot, side: sideLabel(t, 'OT') })] : []),
            ...(u.facilitator ? [t('charter.finding.unreachableFacilitator')] : []),
            ...u.signers.map((id) => t('charter.finding.unreachableSigner', { id })),
          ]
        : [];
      return t('charter.finding.quorumUnreachable', { needs: format.list(needs) });
    }
    case 'nothing-agreed':
      return t('charter.finding.nothingAgreed');
    case 'purpose-missing':
      return t('charter.finding.purposeMissing');
    case 'review-date-missing':
      return t('charter.finding.reviewDateMissing');
  }
}

const STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  valid: 'charter.status.valid',
  'bad-signature': 'charter.status.badSignature',
  'wrong-version': 'charter.status.wrongVersion',
  'unknown-key': 'charter.status.unknownKey',
  duplicate: 'charter.status.duplicate',
};

/** A signature's status; an unknown one (a newer verifier's) as it is. */
export const signatureStatusText = (t: Translate, status: string): string => {
  const key = STATUS_KEYS[status];
  return key ? t(key) : status;
};

const SEAL_KEYS: Readonly<Record<string, MessageKey>> = {
  valid: 'charter.seal.valid',
  missing: 'charter.seal.missing',
  'set-changed': 'charter.seal.setChanged',
  'not-facilitator': 'charter.seal.notFacilitator',
  'bad-signature': 'charter.seal.badSignature',
};

export const sealStatusText = (t: Translate, status: string): string => {
  const key = SEAL_KEYS[status];
  return key ? t(key) : status;
};

const META_KEYS: Readonly<Record<string, MessageKey>> = {
  title: 'charter.diff.meta.title',
  purpose: 'charter.diff.meta.purpose',
  scope: 'charter.diff.meta.scope',
  reviewDate: 'charter.diff.meta.reviewDate',
};

/** The lines of "what changed since version N". */
export function diffLines(t: Translate, format: Formatter, diff: CharterDiff, nameOf: (participantId: string) => string): string[] {
  const section = (id: SectionId) => sectionTitle(t, id);
  const field = (id: SectionId, key: string) => (key === 'title' ? t('charter.diff.field.title') : fieldLabel(t, id, key));
  return [
    ...diff.meta.map((m) => t(META_KEYS[m] ?? 'charter.diff.meta.other', { field: m })),
    ...diff.added.map((x) => t('charter.diff.added', { title: x.title, section: section(x.section) })),
    ...diff.removed.map((x) => t('charter.diff.removed', { title: x.title, section: section(x.section) })),
    ...diff.changed.map((x) => t('charter.diff.changed', { title: x.title, fields: format.list(x.fields.map((k) => field(x.section, k))) })),
    ...diff.rosterAdded.map((id) => t('charter.diff.rosterAdded', { name: nameOf(id) })),
    ...diff.rosterRemoved.map((id) => t('charter.diff.rosterRemoved', { name: nameOf(id) })),
    ...diff.rosterChanged.map((id) => t('charter.diff.rosterChanged', { name: nameOf(id) })),
    ...(diff.quorumChanged ? [t('charter.diff.quorum')] : []),
    ...(diff.facilitatorChanged ? [t('charter.diff.facilitator')] : []),
    ...(diff.languageChanged ? [t('charter.diff.language')] : []),
  ];
}
