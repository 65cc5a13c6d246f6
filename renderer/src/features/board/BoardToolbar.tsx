// The bar above the board: the workshop's title with rename, undo and redo of one's own
// changes, export, and the way back to the workshop list. Later features (room, charter) add
// their controls here.
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import type { WorkshopSession } from './workshopSession';
import { RenameDialog } from '../workshops/RenameDialog';
import { useBoard, useBoardStore } from './useBoard';

interface BoardToolbarProps {
  readonly session: WorkshopSession;
  readonly onExport: () => void;
  readonly onBack: () => void;
  /** Controls of later features (room, presence, charter), shown before export. */
  readonly extra?: ReactNode;
}

export function BoardToolbar({ session, onExport, onBack, extra }: BoardToolbarProps) {
  const unsaved = useSyncExternalStore(session.onUnsavedChange, session.unsaved);
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
      {extra}
      <button type="button" onClick={onExport} data-testid="export-workshop">
        Export file
      </button>
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
