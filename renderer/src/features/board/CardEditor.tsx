// The card editor, fitted to the section's field specs: a line is an input, text a textarea, a
// choice a select. The same dialog adds a card and edits one (plus its status and section).
// Invalid input is reported inside the dialog and nothing is written.
import { useId, useState, type SyntheticEvent } from 'react';
import { SECTIONS, STATUSES, sectionSpec, type CardStatus, type FieldSpec, type SectionId } from '../../../../shared/board';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../core/describeError';
import { boardErrorText, choiceLabel, fieldHint, fieldLabel, sectionTitle, statusLabel, useT } from '../../core/i18n';
import { useBoard, useBoardStore } from './useBoard';
import type { EditorTarget } from './editorState';

interface FieldInputProps {
  readonly section: SectionId;
  readonly spec: FieldSpec;
  readonly value: string;
  readonly onChange: (v: string) => void;
}

function FieldInput({ section, spec, value, onChange }: FieldInputProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const ownHint = fieldHint(t, section, spec.key);
  const hint = spec.key === 'title' ? [t('board.editor.required'), ownHint].filter(Boolean).join(' ') : ownHint;
  const common = { id, value, 'aria-describedby': hint ? hintId : undefined, name: spec.key, 'data-field': spec.key };
  return (
    <div className="field">
      <label htmlFor={id}>{fieldLabel(t, section, spec.key)}</label>
      {spec.kind === 'text' ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : spec.kind === 'choice' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('board.choice.none')}</option>
          {spec.options?.map((o) => (
            <option key={o} value={o}>
              {choiceLabel(t, o)}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type="text" required={spec.key === 'title'} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

interface CardEditorProps {
  readonly target: EditorTarget;
  readonly onClose: (savedId: string | null) => void;
}

export function CardEditor({ target, onClose }: CardEditorProps) {
  const t = useT();
  const store = useBoardStore();
  const card = useBoard((s) => (target.mode === 'edit' ? s.snapshot.cards[target.cardId] : undefined));
  const homeSection: SectionId = target.mode === 'create' ? target.section : (card?.section ?? 'parking');
  const spec = sectionSpec(homeSection);
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...(card?.fields ?? {}) }));
  const [status, setStatus] = useState<CardStatus>(card?.status ?? 'proposed');
  const [section, setSection] = useState<SectionId>(homeSection);
  const [error, setError] = useState<string | null>(null);
  const statusId = useId();
  const sectionId = useId();

  // Saved from the submit button's click, which Enter in a field fires too (implicit submission),
  // and which then cancels the form's submission: Chromium's own form-submission work (autofill
  // is told of it) comes before the submit event, 1-2 ms between the key press and the save
  // reaching the room (bench/appLatencyBench.ts). The submit event stays for requestSubmit().
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const actions = store.getState();
    if (target.mode === 'create') {
      const fields: Record<string, string> = { title: values.title ?? '' };
      for (const f of spec.fields) if (f.key !== 'title' && values[f.key]) fields[f.key] = values[f.key] ?? '';
      const result = actions.addCard(homeSection, fields, status);
      if (!result.ok) return setError(boardErrorText(t, result.error));
      if (section !== homeSection) actions.moveCard(result.value, section, Number.MAX_SAFE_INTEGER);
      return onClose(result.value);
    }
    if (!card) return setError(t('board.editor.gone'));
    const changed: Record<string, string> = {};
    for (const f of spec.fields) {
      const value = values[f.key] ?? '';
      if (value !== (card.fields[f.key] ?? '')) changed[f.key] = value;
    }
    try {
      const result = actions.updateCard(card.id, { fields: changed, status, section });
      if (!result.ok) return setError(boardErrorText(t, result.error));
    } catch (e) {
      return setError(describeError(e, t('board.doing.saving')));
    }
    onClose(card.id);
  };

  const title = t(target.mode === 'create' ? 'board.editor.new' : 'board.editor.edit', { section: sectionTitle(t, homeSection) });
  if (target.mode === 'edit' && !card) return null;
  return (
    <Dialog title={title} onClose={() => onClose(null)} testId="card-editor">
      <form onSubmit={submit} noValidate className="card-form">
        {spec.fields.map((f) => (
          <FieldInput key={f.key} section={homeSection} spec={f} value={values[f.key] ?? ''} onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))} />
        ))}
        <div className="field-row">
          <div className="field">
            <label htmlFor={statusId}>{t('board.editor.status')}</label>
            <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as CardStatus)} data-field="status">
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(t, s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={sectionId}>{t('board.editor.section')}</label>
            <select id={sectionId} value={section} onChange={(e) => setSection(e.target.value as SectionId)} data-field="section">
              {SECTIONS.map((s) => (
                <option key={s.id} value={s.id}>
                  {sectionTitle(t, s.id)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {error && (
          <p role="alert" className="form-error" data-testid="editor-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" onClick={submit}>
            {target.mode === 'create' ? t('board.editor.add') : t('board.editor.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
