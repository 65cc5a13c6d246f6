// The charter feature: the charter of an open workshop (its store and actions, provided to the
// views through CharterContext), the toolbar button and page, and the verifier for charter files.
import type { ComponentType } from 'react';

export { createCharterService, type CharterService } from './charterService';
export type { CharterDeps } from './charterActions';
export type { CharterAuthority, CharterAuthorityView } from './charterAuthority';
export { CharterContext } from './charterContext';
export { CharterButton } from './CharterButton';
export { VerifyCharterButton } from './VerifyCharterButton';

/** The charter page, loaded on first use: it brings pdf-lib, which the board never needs. */
export const loadCharterPage = (): Promise<{ default: ComponentType<{ readonly onBack: () => void }> }> =>
  import('./CharterPage').then((m) => ({ default: m.CharterPage }));
