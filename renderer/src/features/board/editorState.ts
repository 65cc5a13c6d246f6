// Which card editor is open, if any: UI state of the board view, not part of the document.
import type { SectionId } from '../../../../shared/board';

export type EditorTarget = { readonly mode: 'create'; readonly section: SectionId } | { readonly mode: 'edit'; readonly cardId: string };
