// The board of one open workshop: a toolbar (title, rename, undo/redo, save state, the slot for
// other features' controls), what could not be read, a column per section, the trash, and the
// card editor. Components reach the doc only through store actions.
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { SECTIONS, type SectionId } from '../../../../shared/board';
import { announce, notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { boardErrorText, sectionTitle, t, useT } from '../../core/i18n';
import type { BoardStore, Outcome } from './boardStore';
import { focusCardControl, useBoardStore } from './useBoard';
import { SectionColumn } from './SectionColumn';
import { CardEditor } from './CardEditor';
import { TrashPanel } from './TrashPanel';
import { BoardToolbar, type SaveState } from './BoardToolbar';
import { BoardProblems } from './BoardProblems';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useBoardLayout } from './boardLayout';
import type { CardCommands } from './CardView';
import type { EditorTarget } from './editorState';

function report(outcome: () => Outcome, doing: string): boolean {
  try {
    const result = outcome();
    if (!result.ok) notifyError(boardErrorText(t, result.error));
    return result.ok;
  } catch (e) {
    notifyError(describeError(e, doing));
    return false;
  }
}

/** Tells screen-reader users where a moved card landed. */
function announceMove(store: BoardStore, id: string): void {
  const { cards, sections } = store.getState().snapshot;
  const card = cards[id];
  if (!card) return;
  const list = sections[card.section];
  const position = list.findIndex((c) => c.id === id) + 1;
  announce(t('board.moved', { title: card.fields.title ?? '', section: sectionTitle(t, card.section), position, count: list.length }));
}

interface BoardViewProps {
  readonly saveState: SaveState;
  readonly onBack: () => void;
}

/** The board of the store in BoardStoreContext, with the slots in BoardSlotsContext. */
export function BoardView({ saveState, onBack }: BoardViewProps) {
  const tr = useT();
  const store = useBoardStore();
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  useUndoShortcuts(store);
  const layout = useBoardLayout();
  // Marks for the render benchmark: DOM committed, then (after the next frame) painted.
  useLayoutEffect(() => {
    performance.mark('bb:board-rendered');
    requestAnimationFrame(() => setTimeout(() => performance.mark('bb:board-painted'), 0));
  }, []);

  const commands = useMemo<CardCommands>(
    () => ({
      edit: (cardId) => setEditor({ mode: 'edit', cardId }),
      moveBy: (id, delta, focus) => {
        if (!report(() => store.getState().moveBy(id, delta), t('board.doing.moving'))) return;
        focusCardControl(id, focus ?? (delta < 0 ? 'up' : 'down'));
        announceMove(store, id);
      },
      moveSection: (id, delta, focus) => {
        if (!report(() => store.getState().moveToAdjacentSection(id, delta), t('board.doing.moving'))) return;
        focusCardControl(id, focus ?? (delta < 0 ? 'left' : 'right'));
        announceMove(store, id);
      },
      remove: (id) => {
        const { cards, sections } = store.getState().snapshot;
        const section = cards[id]?.section;
        const list = section ? sections[section] : [];
        const at = list.findIndex((c) => c.id === id);
        const neighbour = list[at + 1] ?? list[at - 1];
        if (!report(() => store.getState().deleteCard(id), t('board.doing.deleting'))) return;
        // Focus must not vanish with the card: the next card takes it, or the section's add button.
        if (neighbour) focusCardControl(neighbour.id, 'edit');
        else if (section) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="add-card-${section}"]`)?.focus());
        announce(t('board.deleted'));
      },
    }),
    [store],
  );
  const onAdd = useCallback((section: SectionId) => setEditor({ mode: 'create', section }), []);
  const onDropCard = useCallback(
    (id: string, section: SectionId, index: number) => {
      if (report(() => store.getState().moveCard(id, section, index), t('board.doing.moving'))) announceMove(store, id);
    },
    [store],
  );
  const closeEditor = useCallback((savedId: string | null) => {
    setEditor(null);
    if (savedId) focusCardControl(savedId, 'edit');
  }, []);

  return (
    <div className={`board-page layout-${layout}`} data-layout={layout}>
      <BoardToolbar saveState={saveState} onBack={onBack} />
      <BoardProblems />
      <p className="board-help" id="board-help">
        {tr('board.keyboardHelp')}
      </p>
      <div className="board" data-testid="board">
        {SECTIONS.map((spec) => (
          <SectionColumn key={spec.id} spec={spec} commands={commands} onAdd={onAdd} onDropCard={onDropCard} />
        ))}
      </div>
      <TrashPanel />
      {editor && <CardEditor target={editor} onClose={closeEditor} />}
    </div>
  );
}
