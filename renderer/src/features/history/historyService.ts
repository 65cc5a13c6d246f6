// The history of one open workshop: the records this device stored, read back as a timeline
// (who changed what, when), the board as it was at any entry, and the two ways back: restore
// the board to a point, or undo one participant's changes since a point. Both write new
// changes (origin RESTORE) that sync to everyone and join everyone's history; nothing stored
// is rewritten. No React here.
import type * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { buildSnapshot, type BoardSnapshot } from '../../../../shared/board';
import {
  buildTimeline,
  createReplayer,
  decodeHistoryRecord,
  phasePinId,
  pinPoint,
  readClients,
  readPins,
  restoreBoard,
  undoChangesSince,
  unpin,
  withSummaries,
  type HistoryPin,
  type HistoryRecord,
  type Replayer,
  type TimelineEntry,
} from '../../../../shared/history';
import type { Host } from '../../host/Host';
import { LOCAL, RESTORE } from '../../core/origins';
import { describeError } from '../../core/describeError';
import { t } from '../../core/i18n';

/** What the preview shows, as data the panel words in the reader's language. */
export type PreviewOf = { readonly kind: 'entry'; readonly at: number | null } | { readonly kind: 'pin'; readonly pin: HistoryPin };

export interface HistoryView {
  readonly status: 'closed' | 'loading' | 'ready' | 'failed';
  readonly error: string | null;
  /** Newest first. */
  readonly entries: readonly TimelineEntry[];
  readonly pins: readonly HistoryPin[];
  /** Stored records that no longer read (left out of the timeline). */
  readonly unreadable: number;
  /** The entry whose board is shown, and that board. */
  readonly selected: TimelineEntry | null;
  /** What the preview shows: the board after an entry (at its last change), or at a pin. */
  readonly previewOf: PreviewOf | null;
  readonly preview: BoardSnapshot | null;
}

export interface HistoryService {
  readonly store: StoreApi<HistoryView>;
  /** Reads the stored records and builds the timeline (again, to include what came since). */
  open(): Promise<void>;
  close(): void;
  /** Shows the board as it was right after `entry`. */
  select(entry: TimelineEntry | null): void;
  /** Restores the board to how it was just before `entry`; returns how many values it wrote. */
  restoreBefore(entry: TimelineEntry): number;
  /** Undoes what `participantId` changed from `entry` on; returns how many values it wrote. */
  undoParticipantSince(participantId: string, entry: TimelineEntry): number;
  /** Shows the board as it was at a pinned point. */
  selectPin(pin: HistoryPin): void;
  /** Restores the board to how it was at a pinned point; returns how many values it wrote. */
  restoreToPin(pin: HistoryPin): number;
  /** Pins this point; `phaseId` when it is the start of a built-in phase still titled as shipped. */
  pin(label: string, by: string, phaseId?: string): void;
  unpin(id: string): void;
}

export interface HistoryDeps {
  readonly host: Host;
  readonly doc: Y.Doc;
  readonly workshopId: string;
  /** Resolves once every change so far is stored, so the timeline includes the latest. */
  readonly flush: () => Promise<void>;
}

const closed: HistoryView = { status: 'closed', error: null, entries: [], pins: [], unreadable: 0, selected: null, previewOf: null, preview: null };

export function createHistoryService({ host, doc, workshopId, flush }: HistoryDeps): HistoryService {
  const store = createStore<HistoryView>(() => closed);
  let records: HistoryRecord[] = [];
  let replayer: Replayer | null = null;
  let generation = 0;

  const replay = (): Replayer => (replayer ??= createReplayer(records));
  const docBefore = (entry: TimelineEntry): Y.Doc => replay().docAt(entry.first - 1);
  /** The last record stored at or before `at` (the board at that moment is the state after it). */
  const indexAt = (at: number): number => {
    let found = -1;
    records.forEach((r, i) => {
      if (r.kind === 'checkpoint' && found < 0) found = i;
      if (r.at !== null && r.at > 0 && r.at <= at) found = i;
    });
    return found;
  };
  const restoreAt = (index: number): number => {
    const past = replay().docAt(index);
    try {
      return restoreBoard(doc, past, RESTORE);
    } finally {
      past.destroy();
    }
  };

  return {
    store,
    open: async () => {
      const mine = ++generation;
      store.setState({ ...closed, status: 'loading' });
      try {
        await flush();
        const stored = await host.storage.history(workshopId);
        if (mine !== generation) return;
        const decoded = stored.map(decodeHistoryRecord);
        records = withSummaries(decoded.filter((r): r is HistoryRecord => r !== null));
        replayer = null;
        const entries = buildTimeline(records, readClients(doc)).reverse();
        store.setState({ status: 'ready', entries, pins: readPins(doc), unreadable: decoded.length - records.length, selected: null, previewOf: null, preview: null });
      } catch (e) {
        if (mine === generation) store.setState({ ...closed, status: 'failed', error: describeError(e, t('history.doing.reading')) });
      }
    },
    close: () => {
      generation++;
      records = [];
      replayer = null;
      store.setState(closed);
    },
    select: (entry) => {
      if (!entry) return store.setState({ selected: null, previewOf: null, preview: null });
      const past = replay().docAt(entry.last);
      const preview = buildSnapshot(past);
      past.destroy();
      store.setState({ selected: entry, previewOf: { kind: 'entry', at: entry.endAt || null }, preview });
    },
    restoreBefore: (entry) => restoreAt(entry.first - 1),
    selectPin: (pin) => {
      const past = replay().docAt(indexAt(pin.at));
      const preview = buildSnapshot(past);
      past.destroy();
      store.setState({ selected: null, previewOf: { kind: 'pin', pin }, preview });
    },
    restoreToPin: (pin) => restoreAt(indexAt(pin.at)),
    undoParticipantSince: (participantId, entry) => {
      const past = docBefore(entry);
      try {
        const since = replay().stateVectorAt(entry.first - 1);
        const clients = new Set([...readClients(doc)].filter(([, p]) => p === participantId).map(([c]) => c));
        return undoChangesSince(doc, past, since, clients, RESTORE);
      } finally {
        past.destroy();
      }
    },
    pin: (label, by, phaseId) => {
      const nonce = uuidv4().replace(/-/g, '').slice(0, 16);
      pinPoint(doc, { id: phaseId === undefined ? nonce : phasePinId(phaseId, nonce), at: Date.now(), label, by }, LOCAL);
      store.setState({ pins: readPins(doc) });
    },
    unpin: (id) => {
      unpin(doc, id, LOCAL);
      store.setState({ pins: readPins(doc) });
    },
  };
}
