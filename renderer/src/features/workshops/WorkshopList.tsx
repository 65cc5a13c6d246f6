// The start page: create a workshop (with the agenda it starts from), import one from a file,
// and open, rename or delete the stored ones (deleting asks first).
import { useState, type FormEvent } from 'react';
import type { WorkshopSummary } from '../../host/Host';
import { useHost } from '../../core/hostContext';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { t, useFormat, useT } from '../../core/i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useProfile } from '../profile';
import { loadAgendaTemplates } from '../facilitation';
import { AgendaTemplatePicker, agendaFor, type TemplateChoice } from './AgendaTemplatePicker';
import { RenameDialog } from '../../ui/RenameDialog';
import { createWorkshop, renameStoredWorkshop } from './workshopActions';
import { importWorkshop } from './workshopFiles';
import { useWorkshopList } from './useWorkshopList';

export function WorkshopList({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const host = useHost();
  const tr = useT();
  const format = useFormat();
  const profile = useProfile();
  const { workshops, reload } = useWorkshopList(host);
  const [title, setTitle] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [ownTemplates] = useState(loadAgendaTemplates);
  const [template, setTemplate] = useState<TemplateChoice>({ kind: 'built-in' });
  const [renaming, setRenaming] = useState<WorkshopSummary | null>(null);
  const [deleting, setDeleting] = useState<WorkshopSummary | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!profile) return;
    try {
      const { summary, agendaApplied } = await createWorkshop(host, title, profile, agendaFor(template, ownTemplates));
      if (!agendaApplied) notifyInfo(t('workshops.template.notApplied'));
      setTitle('');
      setCreateError(null);
      onOpen(summary.id);
    } catch (e) {
      setCreateError(describeError(e, t('workshops.doing.creating')));
    }
  };
  const importFile = async () => {
    try {
      const summary = await importWorkshop(host);
      if (!summary) return;
      await reload();
      notifyInfo(t('workshops.imported', { title: summary.title }));
    } catch (e) {
      notifyError(t('workshops.importFailed', { reason: describeError(e, t('workshops.doing.importing')) }));
    }
  };
  const remove = async (summary: WorkshopSummary) => {
    setDeleting(null);
    try {
      await host.storage.remove(summary.id);
      notifyInfo(t('workshops.deleted', { title: summary.title }));
    } catch (e) {
      notifyError(describeError(e, t('workshops.doing.deleting')));
    }
    await reload();
  };

  return (
    <main className="page page-list">
      <h1>{tr('workshops.heading')}</h1>
      <p>
        <a href="#/join" data-testid="join-link">
          {tr('workshops.joinLink')}
        </a>
      </p>
      <form className="create-workshop" onSubmit={(e) => void create(e)} noValidate aria-label={tr('workshops.create.form')}>
        <label htmlFor="new-workshop-title">{tr('workshops.create.title')}</label>
        <input id="new-workshop-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={createError ? 'create-error' : undefined} />
        <AgendaTemplatePicker value={template} own={ownTemplates} onChange={setTemplate} />
        <div className="create-actions">
          <button type="submit" className="primary">
            {tr('workshops.create.submit')}
          </button>
          <button type="button" onClick={() => void importFile()} data-testid="import-workshop">
            {tr('workshops.import')}
          </button>
        </div>
        {createError && (
          <p role="alert" id="create-error" className="form-error">
            {createError}
          </p>
        )}
      </form>
      {workshops === null ? (
        <p aria-busy="true">{tr('common.loading')}</p>
      ) : workshops.length === 0 ? (
        <p data-testid="no-workshops">{tr('workshops.empty')}</p>
      ) : (
        <ul className="workshop-list" aria-label={tr('workshops.list')}>
          {workshops.map((w) => (
            <li key={w.id} className="workshop-item" data-testid="workshop-item">
              <button type="button" className="link workshop-open" onClick={() => onOpen(w.id)}>
                {w.title}
              </button>
              <small>{tr('workshops.lastChanged', { when: format.dateTime(w.updatedAt) })}</small>
              <span className="workshop-actions">
                <button type="button" onClick={() => setRenaming(w)}>
                  {tr.rich('workshops.rename', { title: w.title })}
                </button>
                <button type="button" className="danger" onClick={() => setDeleting(w)}>
                  {tr.rich('workshops.delete', { title: w.title })}
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
              return describeError(e, t('workshops.doing.renaming'));
            }
            setRenaming(null);
            await reload();
            return null;
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={tr('workshops.confirmDelete.title')}
          message={tr('workshops.confirmDelete.message', { title: deleting.title })}
          confirmLabel={tr('workshops.confirmDelete.confirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </main>
  );
}
