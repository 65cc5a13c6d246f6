// Turns any thrown value into a sentence for the user, in their language. Board and workshop
// file errors carry their reason as data and are worded from the catalog; a host's errors carry
// the host's own sentence; anything else is a bug or an environment failure, so it gets a
// generic message (naming what was being done: `doing`, already in the user's language) and
// goes to the console.
import { isBoardError } from '../../../shared/board';
import { isWorkshopFileError } from '../../../shared/workshopFile';
import { HostError } from '../host/Host';
import { boardErrorText, currentFormat, t, workshopFileErrorText } from './i18n';
import { UserError } from './userError';

export function describeError(e: unknown, doing: string): string {
  if (isBoardError(e)) return boardErrorText(t, e);
  if (isWorkshopFileError(e)) return workshopFileErrorText(t, currentFormat(), e);
  if (e instanceof HostError || e instanceof UserError) return e.message;
  console.error(e);
  return t('common.unexpectedFailure', { doing });
}
