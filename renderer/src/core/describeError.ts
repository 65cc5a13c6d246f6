// Turns any thrown value into a sentence for the user. Typed errors already carry one; anything
// else is a bug or an environment failure, so it gets a generic message and goes to the console.
import { isBoardError } from '../../../shared/board';
import { isWorkshopFileError } from '../../../shared/workshopFile';
import { HostError } from '../host/Host';
import { UserError } from './userError';

export function describeError(e: unknown, doing: string): string {
  if (isBoardError(e) || isWorkshopFileError(e) || e instanceof HostError || e instanceof UserError) return e.message;
  console.error(e);
  return `${doing} failed unexpectedly. Please try again.`;
}
