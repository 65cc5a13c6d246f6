// The history: every stored change, newest first, grouped into entries (who, when, what), with
// the board as it was after any of them. The facilitator (or anyone, before the workshop has a
// facilitator) can restore the board to just before an entry, or undo one participant's changes
// from an entry on; everyone can look. Restoring writes new changes that reach every peer.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { HistoryPin, TimelineEntry } from '../../../../shared/history';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { PrintButton } from '../../ui/PrintButton';
import { Dialog } from '../../ui/Dialog';
import { BoardPreview } from '../board';
import { useHistory, useHistoryService } from './historyContext';
import { describeKind, describeSummary, describeTime } from './describeEntry';
import { t, useFormat, useT, type Formatter, type Translate } from '../../core/i18n';
import type { PreviewOf } from './historyService';
import { pinLabel } from './pinLabel';

function previewTitle(t: Translate, format: Formatter, of: PreviewOf): string {
  if (of.kind === 'pin') return t('history.preview.pin', { label: pinLabel(t, of.pin) });
  return of.at === null ? t('history.preview.start') : t('history.preview.after', { when: format.dateTime(of.at, 'short', 'medium') });
}

interface HistoryPanelProps {
  readonly onClose: () => void;
  /** Whether this person may restore for the room. */
  readonly canRestore: boolean;
  /** A participant's name for an id (from the roster). */
  readonly nameOf: (participantId: string) => string;
  readonly myId: string;
}

export function HistoryPanel({ onClose, canRestore, nameOf, myId }: HistoryPanelProps) {
  const service = useHistoryService();
  const tr = useT();
  const format = useFormat();
  const status = useHistory((v) => v.status);
  const error = useHistory((v) => v.error);
  const entries = useHistory((v) => v.entries);
  const unreadable = useHistory((v) => v.unreadable);
  const selected = useHistory((v) => v.selected);
  const preview = useHistory((v) => v.preview);
  const previewOf = useHistory((v) => v.previewOf);
  const pins = useHistory((v) => v.pins);
  useEffect(() => {
    void service.open();
    return () => service.close();
  }, [service]);

  const act = (doing: string, work: () => number, done: (n: number) => string) => {
    try {
      const n = work();
      notifyInfo(n === 0 ? t('history.nothingToChange') : done(n));
      void service.open();
    } catch (e) {
      notifyError(describeError(e, doing));
    }
  };
  return (
    <Dialog title={tr('history.title')} onClose={onClose} testId="history-panel">
      {status === 'loading' && <p aria-busy="true">{tr('history.loading')}</p>}
      {error && <p role="alert">{error}</p>}
      {unreadable > 0 && <p className="problems">{tr('history.unreadable', { count: unreadable })}</p>}
      {status === 'ready' && (
        <Pins
          pins={pins}
          canPin={canRestore}
          myId={myId}
          onView={(pin) => service.selectPin(pin)}
          onRestore={(pin) => act(t('history.doing.restoring'), () => service.restoreToPin(pin), (n) => t('history.restoredToPin', { label: pinLabel(t, pin), count: n }))}
          onPin={(label) => {
            service.pin(label, myId);
            notifyInfo(t('history.pinned', { label }));
          }}
        />
      )}
      {status === 'ready' && (
        <div className="history-columns">
          <ol className="history-list" aria-label={tr('history.list')} data-testid="history-list">
            {entries.map((entry) => (
              <HistoryEntry
                key={`${entry.first}-${entry.last}`}
                entry={entry}
                selected={selected === entry}
                canRestore={canRestore}
                nameOf={nameOf}
                myId={myId}
                onView={() => service.select(selected === entry ? null : entry)}
                onRestore={() => act(t('history.doing.restoring'), () => service.restoreBefore(entry), (n) => t('history.restoredBefore', { when: describeTime(t, format, entry), count: n }))}
                onUndo={(p) => act(t('history.doing.undoing'), () => service.undoParticipantSince(p, entry), (n) => t('history.undone', { name: nameOf(p), when: describeTime(t, format, entry), count: n }))}
              />
            ))}
          </ol>
          <div className="history-preview">
            {preview && previewOf ? (
              <>
                <h3>{previewTitle(tr, format, previewOf)}</h3>
                <BoardPreview snapshot={preview} label={tr('history.preview.label')} />
              </>
            ) : (
              <p className="hint">{tr('history.preview.hint')}</p>
            )}
          </div>
        </div>
      )}
      <div className="dialog-actions">
        <PrintButton />
        <button type="button" onClick={onClose}>
          {tr('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

interface HistoryEntryProps {
  readonly entry: TimelineEntry;
  readonly selected: boolean;
  readonly canRestore: boolean;
  readonly nameOf: (participantId: string) => string;
  readonly myId: string;
  readonly onView: () => void;
  readonly onRestore: () => void;
  readonly onUndo: (participantId: string) => void;
}

function HistoryEntry({ entry, selected, canRestore, nameOf, myId, onView, onRestore, onUndo }: HistoryEntryProps) {
  const t = useT();
  const format = useFormat();
  const [undoing, setUndoing] = useState(false);
  const names = entry.participants.map((p) => (p === myId ? t('history.you') : nameOf(p)));
  const who = names.length > 0 ? format.list(names) : entry.unknownClients > 0 ? t('common.notOnRoster') : '';
  const kind = describeKind(t, entry);
  const headline = kind ? (who ? t('history.entry.kindWho', { kind, who }) : kind) : who || t('history.unknown');
  const others = entry.participants;
  return (
    <li className={`history-entry${selected ? ' selected' : ''}`} data-testid="history-entry" data-kind={entry.kind}>
      <p className="history-what">
        {t.rich('history.entry', {
          headline,
          summary: describeSummary(t, format, entry.summary),
          what: (chunks: ReactNode[]) => <span data-testid="history-summary">{chunks}</span>,
        })}
      </p>
      <p className="history-when muted">{describeTime(t, format, entry)}</p>
      <div className="history-actions">
        <button type="button" onClick={onView} aria-pressed={selected} data-testid="history-view">
          {selected ? t('history.hide') : t('history.view')}
        </button>
        {canRestore && entry.kind !== 'checkpoint' && (
          <button type="button" onClick={onRestore} data-testid="history-restore">
            {t('history.restoreBefore')}
          </button>
        )}
        {canRestore && others.length > 0 && entry.kind !== 'checkpoint' && (
          <button type="button" onClick={() => setUndoing((u) => !u)} aria-expanded={undoing} data-testid="history-undo-person">
            {t('history.undoPerson')}
          </button>
        )}
      </div>
      {undoing && (
        <ul className="history-undo-list">
          {others.map((p) => (
            <li key={p}>
              <button type="button" onClick={() => onUndo(p)} data-testid="history-undo-participant">
                {p === myId ? t('history.undoMine') : t('history.undoTheirs', { name: nameOf(p) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

interface PinsProps {
  readonly pins: readonly HistoryPin[];
  readonly canPin: boolean;
  readonly myId: string;
  readonly onView: (pin: HistoryPin) => void;
  readonly onRestore: (pin: HistoryPin) => void;
  readonly onPin: (label: string) => void;
}

/** Points the facilitator pinned (the start of each phase, or by hand): kept restorable when old history is folded. */
function Pins({ pins, canPin, onView, onRestore, onPin }: PinsProps) {
  const t = useT();
  const format = useFormat();
  const [label, setLabel] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = label.trim();
    if (!clean) return;
    onPin(clean);
    setLabel('');
  };
  return (
    <section className="history-pins" aria-labelledby="history-pins-heading" data-testid="history-pins">
      <h3 id="history-pins-heading">{t('history.pins.heading')}</h3>
      {pins.length === 0 ? (
        <p className="hint">{t('history.pins.none')}</p>
      ) : (
        <ul>
          {pins.map((pin) => (
            <li key={pin.id} data-testid="history-pin">
              <span>
                {pinLabel(t, pin)} <small className="muted">{format.dateTime(pin.at, 'short', 'medium')}</small>
              </span>{' '}
              <button type="button" onClick={() => onView(pin)}>
                {t.rich('history.pins.view', { label: pinLabel(t, pin) })}
              </button>
              {canPin && (
                <button type="button" onClick={() => onRestore(pin)} data-testid="history-pin-restore">
                  {t.rich('history.pins.restore', { label: pinLabel(t, pin) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canPin && (
        <form className="history-pin-form" onSubmit={submit} aria-label={t('history.pins.form')}>
          <label>
            {t('history.pins.label')} <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder={t('history.pins.placeholder')} />
          </label>
          <button type="submit">{t('history.pins.submit')}</button>
        </form>
      )}
    </section>
  );
}
