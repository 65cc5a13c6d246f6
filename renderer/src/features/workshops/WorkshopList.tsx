// The start page: create a workshop, import one from a file, and open, rename or delete the
// stored ones (deleting asks first).
import { useState, type FormEvent } from 'react';
import type { WorkshopSummary } from '../../host/Host';
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useProfile } from '../profile';
import { RenameDialog } from '../../ui/RenameDialog';
import { createWorkshop, renameStoredWorkshop } from './workshopActions';
import { importWorkshop } from './workshopFiles';
import { useWorkshopList } from './useWorkshopList';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function WorkshopList({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const host = useHost();
  const profile = useProfile();
  const { workshops, reload } = useWorkshopList(host);
  const [title, setTitle] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<WorkshopSummary | null>(null);
  const [deleting, setDeleting] = useState<WorkshopSummary | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!profile) return;
    try {
      const summary = await createWorkshop(host, title, profile);
      setTitle('');
      setCreateError(null);
      onOpen(summary.id);
    } catch (e) {
      setCreateError(describeError(e, 'Creating the workshop'));
    }
  };
  const importFile = async () => {
    try {
      const summary = await importWorkshop(host);
      if (!summary) return;
      await reload();
      notifyInfo(`Imported “${summary.title}”.`);
    } catch (e) {
      notifyError(`Import failed: ${describeError(e, 'Importing')}`);
    }
  };
  const remove = async (summary: WorkshopSummary) => {
    setDeleting(null);
    try {
      await host.storage.remove(summary.id);
      notifyInfo(`Deleted “${summary.title}”.`);
    } catch (e) {
      notifyError(describeError(e, 'Deleting the workshop'));
    }
    await reload();
  };

  return (
    <main className="page page-list">
      <h1>Workshops</h1>
      <p>
        <a href="#/join" data-testid="join-link">
          Join a workshop with an invite
        </a>
      </p>
      <form className="create-workshop" onSubmit={(e) => void create(e)} noValidate aria-label="New workshop">
        <label htmlFor="new-workshop-title">New workshop title</label>
        <input id="new-workshop-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={createError ? 'create-error' : undefined} />
        <button type="submit" className="primary">
          Create workshop
        </button>
        <button type="button" onClick={() => void importFile()} data-testid="import-workshop">
          Import file…
        </button>
        {createError && (
          <p role="alert" id="create-error" className="form-error">
            {createError}
          </p>
        )}
      </form>
      {workshops === null ? (
        <p aria-busy="true">Loading…</p>
      ) : workshops.length === 0 ? (
        <p data-testid="no-workshops">No workshops yet. Create one above, or import a file.</p>
      ) : (
        <ul className="workshop-list" aria-label="Your workshops">
          {workshops.map((w) => (
            <li key={w.id} className="workshop-item" data-testid="workshop-item">
              <button type="button" className="link workshop-open" onClick={() => onOpen(w.id)}>
                {w.title}
              </button>
              <small>Last changed {dateFormat.format(w.updatedAt)}</small>
              <span className="workshop-actions">
                <button type="button" onClick={() => setRenaming(w)}>
                  Rename<span className="visually-hidden"> “{w.title}”</span>
                </button>
                <button type="button" className="danger" onClick={() => setDeleting(w)}>
                  Delete<span className="visually-hidden"> “{w.title}”</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {renaming && (
        <RenameDialog
          initial={renaming.title}
          onCancel={() => setRenaming(null)}
          onSubmit={async (next) => {
            try {
              await renameStoredWorkshop(host, renaming, next);
            } catch (e) {
              return describeError(e, 'Renaming');
            }
            setRenaming(null);
            await reload();
            return null;
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete workshop?"
          message={`“${deleting.title}” and its whole board will be deleted from this device. This cannot be undone.`}
          confirmLabel="Delete workshop"
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </main>
  );
}
