// The bar above the board: the workshop's title with rename, undo and redo of one's own
// changes, whether everything is saved, and the way back to the workshop list. Other features'
// controls (room, charter, history, export) come in the toolbar slot.
import { useState, useSyncExternalStore } from 'react';
import { RenameDialog } from '../../ui/RenameDialog';
import { useBoard, useBoardStore } from './useBoard';
import { useBoardSlots } from './boardSlots';

/** How many changes are not stored yet, and a way to watch that number. */
export interface SaveState {
  unsaved(): number;
  onUnsavedChange(listener: () => void): () => void;
}

interface BoardToolbarProps {
  readonly saveState: SaveState;
  readonly onBack: () => void;
}

export function BoardToolbar({ saveState, onBack }: BoardToolbarProps) {
  const unsaved = useSyncExternalStore(saveState.onUnsavedChange, saveState.unsaved);
  const { toolbar } = useBoardSlots();
  const store = useBoardStore();
  const title = useBoard((s) => s.snapshot.meta.title);
  const canUndo = useBoard((s) => s.canUndo);
  const canRedo = useBoard((s) => s.canRedo);
  const [renaming, setRenaming] = useState(false);
  return (
    <div className="board-toolbar" role="toolbar" aria-label="Workshop">
      <button type="button" onClick={onBack}>
        ← Workshops
      </button>
      <h1 className="board-title" data-testid="board-title">
        {title}
      </h1>
      <button type="button" onClick={() => setRenaming(true)}>
        Rename
      </button>
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z" data-testid="undo">
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" data-testid="redo">
        Redo
      </button>
      {/* Always as wide as its longest label (see styles.css): a label that changed width would
          rewrap the toolbar and move the whole board under the pointer. */}
      <span className="save-state" role="status" data-testid="save-state">
        {unsaved > 0 ? 'Saving…' : 'All changes saved'}
      </span>
      {toolbar}
      {renaming && (
        <RenameDialog
          initial={title}
          onCancel={() => setRenaming(false)}
          onSubmit={(next) => {
            const result = store.getState().rename(next);
            if (result.ok) setRenaming(false);
            return result.ok ? null : result.error.message;
          }}
        />
      )}
    </div>
  );
}
