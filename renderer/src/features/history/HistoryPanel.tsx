// The history: every stored change, newest first, grouped into entries (who, when, what), with
// the board as it was after any of them. The facilitator (or anyone, before the workshop has a
// facilitator) can restore the board to just before an entry, or undo one participant's changes
// from an entry on; everyone can look. Restoring writes new changes that reach every peer.
import { useEffect, useState, type FormEvent } from 'react';
import type { HistoryPin, TimelineEntry } from '../../../../shared/history';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { Dialog } from '../../ui/Dialog';
import { BoardPreview } from '../board';
import { useHistory, useHistoryService } from './historyContext';
import { describeKind, describeSummary, describeTime } from './describeEntry';

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
      notifyInfo(n === 0 ? 'Nothing to change: the board already is as it was.' : done(n));
      void service.open();
    } catch (e) {
      notifyError(describeError(e, doing));
    }
  };
  return (
    <Dialog title="History" onClose={onClose} testId="history-panel">
      {status === 'loading' && <p aria-busy="true">Reading the history…</p>}
      {error && <p role="alert">{error}</p>}
      {unreadable > 0 && <p className="problems">{unreadable} stored changes could not be read and are not listed.</p>}
      {status === 'ready' && (
        <Pins
          pins={pins}
          canPin={canRestore}
          myId={myId}
          onView={(pin) => service.selectPin(pin)}
          onRestore={(pin) => act('Restoring the board', () => service.restoreToPin(pin), (n) => `Board restored to “${pin.label}” (${n} values written).`)}
          onPin={(label) => {
            service.pin(label, myId);
            notifyInfo(`Pinned “${label}”.`);
          }}
        />
      )}
      {status === 'ready' && (
        <div className="history-columns">
          <ol className="history-list" aria-label="Changes, newest first" data-testid="history-list">
            {entries.map((entry) => (
              <HistoryEntry
                key={`${entry.first}-${entry.last}`}
                entry={entry}
                selected={selected === entry}
                canRestore={canRestore}
                nameOf={nameOf}
                myId={myId}
                onView={() => service.select(selected === entry ? null : entry)}
                onRestore={() => act('Restoring the board', () => service.restoreBefore(entry), (n) => `Board restored to before ${describeTime(entry)} (${n} values written).`)}
                onUndo={(p) => act('Undoing the changes', () => service.undoParticipantSince(p, entry), (n) => `${nameOf(p)}’s changes since ${describeTime(entry)} undone (${n} values written).`)}
              />
            ))}
          </ol>
          <div className="history-preview">
            {preview && previewOf ? (
              <>
                <h3>{previewOf}</h3>
                <BoardPreview snapshot={preview} label="The board at this point (read-only)" />
              </>
            ) : (
              <p className="hint">Choose “View” on a change to see the board as it was then.</p>
            )}
          </div>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
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
  const [undoing, setUndoing] = useState(false);
  const who = entry.participants.map((p) => (p === myId ? 'you' : nameOf(p))).join(', ') || (entry.unknownClients > 0 ? 'someone not on the roster' : '');
  const kind = describeKind(entry);
  const others = entry.participants;
  return (
    <li className={`history-entry${selected ? ' selected' : ''}`} data-testid="history-entry" data-kind={entry.kind}>
      <p className="history-what">
        <strong>{kind ?? (who || 'Unknown')}</strong>
        {kind && who ? ` (${who})` : ''}: <span data-testid="history-summary">{describeSummary(entry.summary)}</span>
      </p>
      <p className="history-when muted">{describeTime(entry)}</p>
      <div className="history-actions">
        <button type="button" onClick={onView} aria-pressed={selected} data-testid="history-view">
          {selected ? 'Hide' : 'View'}
        </button>
        {canRestore && entry.kind !== 'checkpoint' && (
          <button type="button" onClick={onRestore} data-testid="history-restore">
            Restore to before this
          </button>
        )}
        {canRestore && others.length > 0 && entry.kind !== 'checkpoint' && (
          <button type="button" onClick={() => setUndoing((u) => !u)} aria-expanded={undoing} data-testid="history-undo-person">
            Undo one person’s changes from here…
          </button>
        )}
      </div>
      {undoing && (
        <ul className="history-undo-list">
          {others.map((p) => (
            <li key={p}>
              <button type="button" onClick={() => onUndo(p)} data-testid="history-undo-participant">
                Undo {p === myId ? 'your' : `${nameOf(p)}’s`} changes since then
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

const pinTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** Points the facilitator pinned (the start of each phase, or by hand): kept restorable when old history is folded. */
function Pins({ pins, canPin, onView, onRestore, onPin }: PinsProps) {
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
      <h3 id="history-pins-heading">Pinned points</h3>
      {pins.length === 0 ? (
        <p className="hint">None yet. The start of each phase is pinned for the facilitator.</p>
      ) : (
        <ul>
          {pins.map((pin) => (
            <li key={pin.id} data-testid="history-pin">
              <span>
                {pin.label} <small className="muted">{pinTime.format(pin.at)}</small>
              </span>{' '}
              <button type="button" onClick={() => onView(pin)}>
                View<span className="visually-hidden"> “{pin.label}”</span>
              </button>
              {canPin && (
                <button type="button" onClick={() => onRestore(pin)} data-testid="history-pin-restore">
                  Restore to here<span className="visually-hidden"> “{pin.label}”</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canPin && (
        <form className="history-pin-form" onSubmit={submit} aria-label="Pin this moment">
          <label>
            Pin this moment as <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="e.g. Before the vote" />
          </label>
          <button type="submit">Pin</button>
        </form>
      )}
    </section>
  );
}
