// The board's words in the reader's language: section titles and purposes, field labels and
// hints, choices, sides, statuses, and the board's and workshop files' errors. shared/ names
// these by stable ids (section id, field key, choice value, error reason) and keeps English for
// the charter and logs; the catalog has a message for each id. Here, not in the board feature,
// because describeError (core) words board errors for every feature.
import { fieldSpec, type BoardError, type BoardSubject, type CardStatus, type NamedSubject, type PlainReasonId, type SectionId, type Side } from '../../../../shared/board';
import type { WorkshopFileError } from '../../../../shared/workshopFile';
import type { MessageKey } from './catalogs';
import { i18nStore, type Translate } from './i18nStore';
import type { Formatter } from './formatters';

/** Whether the catalog in use has this id (every catalog has the same ids; the catalog test checks). */
export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(i18nStore.getState().intl.messages, key);

export const sectionTitle = (t: Translate, id: SectionId): string => t(`board.section.${id}.title`);
export const sectionPurpose = (t: Translate, id: SectionId): string => t(`board.section.${id}.purpose`);
export const sideLabel = (t: Translate, side: Side): string => t(`board.side.${side}`);
export const statusLabel = (t: Translate, status: CardStatus): string => t(`board.status.${status}`);

/** A message for this section's field if it has its own, else the one all sections share. */
function perField(t: Translate, kind: 'field' | 'hint', section: SectionId, key: string): string | null {
  const own = `board.${kind}.${section}.${key}`;
  if (isMessageKey(own)) return t(own);
  const shared = `board.${kind}.${key}`;
  return isMessageKey(shared) ? t(shared) : null;
}

export function fieldLabel(t: Translate, section: SectionId, key: string): string {
  return perField(t, 'field', section, key) ?? fieldSpec(section, key)?.label ?? key;
}

/** The field's hint, if its spec has one. */
export function fieldHint(t: Translate, section: SectionId, key: string): string | undefined {
  const spec = fieldSpec(section, key);
  if (!spec?.hint) return undefined;
  return perField(t, 'hint', section, key) ?? spec.hint;
}

/** A choice's label; the stored value stays the stable id. */
export function choiceLabel(t: Translate, value: string): string {
  const key = `board.choice.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

const NAMED: Readonly<Record<NamedSubject, MessageKey>> = {
  'workshop-title': 'board.subject.workshopTitle',
  'facilitator-name': 'board.subject.facilitatorName',
  'author-name': 'board.subject.authorName',
  'participant-id': 'board.subject.participantId',
  'participant-name': 'board.subject.participantName',
  role: 'board.subject.role',
};

const PLAIN: Readonly<Record<PlainReasonId, MessageKey>> = {
  'invalid-side': 'board.error.invalidSide',
  'invalid-status': 'board.error.invalidStatus',
  'fields-missing': 'board.error.fieldsMissing',
  'card-missing': 'board.error.cardMissing',
  'card-unreadable': 'board.error.cardUnreadable',
  'card-deleted': 'board.error.cardDeleted',
  'invalid-time': 'board.error.invalidTime',
  'invalid-position': 'board.error.invalidPosition',
  'invalid-card-id': 'board.error.invalidCardId',
  'invalid-participant-id': 'board.error.invalidParticipantId',
  'invalid-public-key': 'board.error.invalidPublicKey',
  'roster-unreadable': 'board.error.rosterUnreadable',
  'vote-without-voter': 'board.error.voteWithoutVoter',
  'invalid-dots': 'board.error.invalidDots',
  'no-votes': 'board.error.noVotes',
};

const subjectText = (t: Translate, subject: BoardSubject): string =>
  typeof subject === 'string' ? t(NAMED[subject]) : fieldLabel(t, subject.section, subject.field);

/** A board error in the reader's language; one without a reason (a phase's closed section) says its own words. */
export function boardErrorText(t: Translate, error: BoardError): string {
  const r = error.reason;
  if (!r) return error.message;
  switch (r.id) {
    case 'unknown-section':
      return t('board.error.unknownSection', { section: r.section });
    case 'unknown-field':
      return t('board.error.unknownField', { section: sectionTitle(t, r.section), field: r.field });
    case 'not-text':
      return t('board.error.notText', { subject: subjectText(t, r.subject) });
    case 'empty':
      return t('board.error.empty', { subject: subjectText(t, r.subject) });
    case 'too-long':
      return t('board.error.tooLong', { subject: subjectText(t, r.subject), length: r.length, max: r.max });
    case 'invalid-choice':
      return t('board.error.invalidChoice', { subject: subjectText(t, r.subject), value: r.value });
    case 'board-full':
      return t('board.error.boardFull', { max: r.max });
    default:
      return t(PLAIN[r.id]);
  }
}

/** A .bridgeboard file error in the reader's language. */
export function workshopFileErrorText(t: Translate, format: Formatter, error: WorkshopFileError): string {
  const { bytes, limit, version, exporting, reason } = error.detail;
  switch (error.code) {
    case 'too-large':
      if (bytes === undefined || limit === undefined) return t('workshops.fileError.exportMetaTooLarge');
      return t(exporting ? 'workshops.fileError.exportTooLarge' : 'workshops.fileError.tooLarge', { size: format.megabytes(bytes), limit: format.megabytes(limit) });
    case 'unsupported-version':
      return t('workshops.fileError.unsupportedVersion', { version: version ?? '?' });
    case 'not-a-workshop-file':
      return t('workshops.fileError.notAWorkshopFile');
    case 'truncated':
      return t('workshops.fileError.truncated');
    case 'invalid-state':
      return reason === undefined ? t('workshops.fileError.unreadableBoard') : t('workshops.fileError.doesNotFit', { reason });
    case 'malformed':
      return t('workshops.fileError.malformed');
  }
}
