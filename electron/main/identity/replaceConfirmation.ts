// Main's own question before a signing key is replaced. It is asked in a native dialog, which
// the renderer cannot see into or click, so a compromised page cannot replace a key on its own.
import type { ReplacementQuestion } from './identityStore';

/** The part of Electron's MessageBoxOptions this dialog uses. */
export interface ReplaceDialogOptions {
  readonly type: 'warning';
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: string[];
  readonly defaultId: number;
  readonly cancelId: number;
  readonly noLink: boolean;
}

export type ShowMessageBox = (options: ReplaceDialogOptions) => Promise<{ response: number }>;

const CREATE = 1;

/** After a Cancel, further requests within this time are declined without asking again. */
export const ASK_AGAIN_AFTER_MS = 10_000;

/**
 * The confirmation for createIdentityService, over `dialog.showMessageBox`; Cancel is the
 * default. A page that keeps asking after a Cancel is not shown the dialog again at once.
 */
export function nativeReplaceConfirmation(show: ShowMessageBox, now: () => number = Date.now): (question: ReplacementQuestion) => Promise<boolean> {
  let cancelledAt = Number.NEGATIVE_INFINITY;
  return async ({ reason, warning }) => {
    if (now() - cancelledAt < ASK_AGAIN_AFTER_MS) return false;
    const detail = [
      reason,
      'If the keyring is only locked, cancel, unlock it and restart Bridgeboard instead. ' +
        'Otherwise the old key is set aside on this computer, not deleted, and you will sign with the new one from now on. Charters you already signed stay valid. ' +
        'The facilitator has to compare your new fingerprint with you in person before you sign again.',
      ...(warning ? [warning] : []),
    ].join('\n\n');
    const { response } = await show({
      type: 'warning',
      title: 'Bridgeboard',
      message: 'Create a new signing key?',
      detail,
      buttons: ['Cancel', 'Create new key'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (response !== CREATE) cancelledAt = now();
    return response === CREATE;
  };
}
