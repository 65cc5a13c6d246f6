// The room's refusals in the reader's language. shared/room says why as data (an invite error
// code, the schema's issues); the words are chosen here, so the join page, the open-room dialog
// and the network settings say them alike.
import { iceSettingsSchema, type InviteErrorCode } from '../../../../shared/room';
import type { MessageKey, Translate } from '../../core/i18n';

const INVITE_ERRORS: Partial<Record<string, MessageKey>> = {
  malformed: 'room.inviteError.malformed',
  expired: 'room.inviteError.expired',
  tampered: 'room.inviteError.tampered',
  'unsupported-version': 'room.inviteError.unsupportedVersion',
  'bad-address': 'room.inviteError.badAddress',
  'too-long': 'room.inviteError.tooLong',
} satisfies Record<InviteErrorCode, MessageKey>;

/** Why an invite was refused; `fallback` (shared/room's English) only for a code this build does not know. */
export function inviteErrorText(t: Translate, code: string, fallback: string): string {
  const key = INVITE_ERRORS[code];
  return key ? t(key) : fallback;
}

/** What is wrong with STUN/TURN settings as the fields hold them (iceInputFrom); '' when nothing is. */
export function iceErrorText(t: Translate, input: unknown): string {
  const parsed = iceSettingsSchema.safeParse(input);
  if (parsed.success) return '';
  const problems = new Set<string>();
  for (const issue of parsed.error.issues) {
    const [field] = issue.path;
    if (field === 'urls') problems.add(issue.code === 'too_big' && issue.path.length === 1 ? t('room.iceError.tooManyUrls', { max: 8 }) : t('room.iceError.badUrl'));
    else if (issue.code === 'custom' && field === 'username') problems.add(t('room.iceError.turnNeedsCredentials'));
    else if (issue.code === 'custom' && field === 'relayOnly') problems.add(t('room.iceError.relayNeedsTurn'));
    else if (field === 'username' || field === 'credential') problems.add(t('room.iceError.fieldTooLong'));
    else problems.add(t('room.iceError.other'));
  }
  return [...problems].join(' ');
}
