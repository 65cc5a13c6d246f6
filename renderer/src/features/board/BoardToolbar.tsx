// The bar above the board: the workshop's title with rename, undo and redo of one's own
// changes, whether everything is saved, and the way back to the workshop list; then the actions:
// the board's layout (columns or overview) and other features' controls (room, charter, history,
// minutes, export, presenting) from the toolbar slot. The actions are one group that wraps as a
// whole, so no button ends up alone on a line of its own.
import { useState, useSyncExternalStore } from 'react';
import { RenameDialog } from '../../ui/RenameDialog';
import { useBoard, useBoardStore } from './useBoard';
import { useBoardSlots } from './boardSlots';
import { setBoardLayout, useBoardLayout } from './boardLayout';
import { boardErrorText, useT } from '../../core/i18n';

/** How many changes are not stored yet, and a way to watch that number. */
export interface SaveState {
  unsaved(): number;
  onUnsavedChange(listener: () => void): () => void;
}

interface BoardToolbarProps {
  readonly saveState: SaveState;
  readonly onBack: () => void;
}

/**
 * Whether everything is saved. Its own component: the count changes twice with every change
 * stored, a peer's included, and only this label needs to render then, not the whole toolbar
 * (it sat between a peer's edit arriving and the board showing it; bench/appLatencyBench.ts).
 */
function SaveStateLabel({ saveState }: { readonly saveState: SaveState }) {
  const t = useT();
  const unsaved = useSyncExternalStore(saveState.onUnsavedChange, saveState.unsaved);
  const widest = [t('board.toolbar.saving'), t('board.toolbar.saved')].reduce((a, b) => (b.length > a.length ? b : a));
  return (
    // Always as wide as its longest label, in any language (data-widest, see styles.css): a
    // label that changed width would rewrap the toolbar and move the whole board under the pointer.
    <span className="save-state" role="status" data-testid="save-state" data-widest={widest}>
      {unsaved > 0 ? t('board.toolbar.saving') : t('board.toolbar.saved')}
    </span>
  );
}

export function BoardToolbar({ saveState, onBack }: BoardToolbarProps) {
  const t = useT();
  const { toolbar } = useBoardSlots();
  const store = useBoardStore();
  const title = useBoard((s) => s.snapshot.meta.title);
  const canUndo = useBoard((s) => s.canUndo);
  const canRedo = useBoard((s) => s.canRedo);
  const [renaming, setRenaming] = useState(false);
  const layout = useBoardLayout();
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t('board.toolbar.label')}>
      <div className="board-toolbar-main">
      <button type="button" onClick={onBack}>
        {t('board.toolbar.back')}
      </button>
      <h1 className="board-title" data-testid="board-title">
        {title}
      </h1>
      <button type="button" onClick={() => setRenaming(true)}>
        {t('board.toolbar.rename')}
      </button>
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z" data-testid="undo">
        {t('board.toolbar.undo')}
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" data-testid="redo">
        {t('board.toolbar.redo')}
      </button>
      <SaveStateLabel saveState={saveState} />
      </div>
      <div className="board-actions" data-testid="board-actions">
        <div className="segmented" role="group" aria-label={t('board.layout.label')}>
          <button type="button" aria-pressed={layout === 'columns'} onClick={() => setBoardLayout('columns')} data-testid="layout-columns">
            {t('board.layout.columns')}
          </button>
          <button type="button" aria-pressed={layout === 'overview'} onClick={() => setBoardLayout('overview')} data-testid="layout-overview">
            {t('board.layout.overview')}
          </button>
        </div>
        {toolbar}
      </div>
      {renaming && (
        <RenameDialog
          initial={title}
          onCancel={() => setRenaming(false)}
          onSubmit={(next) => {
            const result = store.getState().rename(next);
            if (result.ok) setRenaming(false);
            return result.ok ? null : boardErrorText(t, result.error);
          }}
        />
      )}
    </div>
  );
}
