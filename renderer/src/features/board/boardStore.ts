// The board store of one open workshop: a read-only snapshot of its Y.Doc plus actions that run
// the shared board operations inside transact(…, LOCAL). Undo covers only LOCAL changes, so a
// peer's edits are never reverted by our Ctrl+Z. No React here: one store per document.
// What may be changed is the store's policy, set by whoever composes the board (facilitation
// closes sections by phase); the store refuses what the policy closes, on every UI path.
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  addCard,
  buildSnapshot,
  cardAt,
  cardsMap,
  changedCardIds,
  deleteCard,
  editField,
  isBoardError,
  isSectionId,
  isStatus,
  metaMap,
  moveCard,
  renameWorkshop,
  restoreCard,
  SECTION_IDS,
  setStatus,
  validateField,
  BoardError,
  type Author,
  type BoardSnapshot,
  type CardStatus,
  type SectionId,
} from '../../../../shared/board';
import { LOCAL } from '../../core/origins';

export type Outcome<T = void> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BoardError };

/** Whether a section's cards may change: for me, or only for the facilitator, or for everyone. */
export type SectionAccess = 'open' | 'read-only' | 'closed-to-others';

export interface BoardState {
  readonly snapshot: BoardSnapshot;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Sections the policy does not leave open; absent means open. */
  readonly access: Readonly<Partial<Record<SectionId, SectionAccess>>>;
  addCard(section: SectionId, fields: Readonly<Record<string, string>>, status?: CardStatus): Outcome<string>;
  /** Saves several fields of a card as one undo step; all are validated before any is written. */
  saveCard(id: string, fields: Readonly<Record<string, string>>): Outcome;
  setStatus(id: string, status: CardStatus): Outcome;
  /** The card editor's save: fields, status and section in one transaction and one undo step. */
  updateCard(id: string, change: CardChange): Outcome;
  moveCard(id: string, section: SectionId, index: number): Outcome;
  /** Moves a card one place up (-1) or down (+1) within its section. */
  moveBy(id: string, delta: -1 | 1): Outcome;
  /** Moves a card to the end of the previous (-1) or next (+1) section. */
  moveToAdjacentSection(id: string, delta: -1 | 1): Outcome;
  deleteCard(id: string): Outcome;
  restoreCard(id: string): Outcome;
  rename(title: string): Outcome;
  undo(): void;
  redo(): void;
}

export interface CardChange {
  readonly fields: Readonly<Record<string, string>>;
  readonly status: CardStatus;
  readonly section: SectionId;
}

/**
 * What may be restricted (facilitation does it): sections the current phase keeps closed, and
 * anonymous ideation. Checked here so every UI path (editor, keys, drag) obeys it.
 */
export interface BoardPolicy {
  /** null when cards in `section` may be changed now; otherwise the reason, for the user. */
  closedReason(section: SectionId): string | null;
  /** Anonymous ideation: new cards store no author name. Agreed cards always keep theirs. */
  anonymous(): boolean;
  /** How each section shows (the facilitator may still edit a section closed to others). */
  access(section: SectionId): SectionAccess;
}

export interface BoardStore extends StoreApi<BoardState> {
  readonly doc: Y.Doc;
  /** Sets the policy (null: everything open); call again when what it answers changes. */
  setPolicy(policy: BoardPolicy | null): void;
  destroy(): void;
}

function accessOf(policy: BoardPolicy | null): Partial<Record<SectionId, SectionAccess>> {
  const out: Partial<Record<SectionId, SectionAccess>> = {};
  if (policy) for (const id of SECTION_IDS) if (policy.access(id) !== 'open') out[id] = policy.access(id);
  return out;
}

function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (isBoardError(e)) return { ok: false, error: e };
    throw e;
  }
}

export function createBoardStore(doc: Y.Doc, author: () => Author): BoardStore {
  const cards = cardsMap(doc);
  const meta = metaMap(doc);
  const undoManager = new Y.UndoManager([cards, meta], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
  const run = <T>(fn: () => T): Outcome<T> => {
    const outcome = attempt(fn);
    // Each action is its own undo step, however quickly the next one follows.
    undoManager.stopCapturing();
    return outcome;
  };
  const card = (id: string) => {
    const found = store.getState().snapshot.cards[id];
    if (!found) throw new BoardError('not-found', 'That card no longer exists.', { id: 'card-missing' });
    return found;
  };
  let policy: BoardPolicy | null = null;
  const open = (...sections: SectionId[]): void => {
    for (const section of sections) {
      const reason = policy?.closedReason(section) ?? null;
      if (reason !== null) throw new BoardError('section-closed', reason);
    }
  };
  const openCard = (id: string) => {
    const found = card(id);
    open(found.section);
    return found;
  };
  const authorFor = (status: CardStatus): Author => {
    const who = author();
    return policy?.anonymous() && status !== 'agreed' ? { name: null, side: who.side } : who;
  };

  const store = createStore<BoardState>()((_set) => ({
    snapshot: buildSnapshot(doc),
    canUndo: false,
    canRedo: false,
    access: {},
    addCard: (section, fields, status) =>
      run(() => {
        open(section);
        return addCard(doc, { section, fields, author: authorFor(status ?? 'proposed'), status: status ?? 'proposed' }, Date.now(), LOCAL);
      }),
    saveCard: (id, fields) =>
      run(() => {
        const section = openCard(id).section;
        for (const [key, value] of Object.entries(fields)) validateField(section, key, value);
        doc.transact(() => {
          for (const [key, value] of Object.entries(fields)) editField(doc, id, key, value, LOCAL);
        }, LOCAL);
      }),
    setStatus: (id, status) =>
      run(() => {
        openCard(id);
        setStatus(doc, id, status, LOCAL);
      }),
    updateCard: (id, change) =>
      run(() => {
        const current = openCard(id);
        if (isSectionId(change.section)) open(change.section);
        for (const [key, value] of Object.entries(change.fields)) validateField(current.section, key, value);
        if (!isStatus(change.status)) throw new BoardError('invalid-status', 'Status must be proposed, agreed or parked.', { id: 'invalid-status' });
        if (!isSectionId(change.section)) throw new BoardError('unknown-section', `There is no section called "${String(change.section)}".`, { id: 'unknown-section', section: String(change.section) });
        if (current.deleted) throw new BoardError('deleted', 'That card was deleted; restore it first.', { id: 'card-deleted' });
        doc.transact(() => {
          for (const [key, value] of Object.entries(change.fields)) editField(doc, id, key, value, LOCAL);
          setStatus(doc, id, change.status, LOCAL);
          if (change.section !== current.section) moveCard(doc, id, change.section, Number.MAX_SAFE_INTEGER, LOCAL);
        }, LOCAL);
      }),
    moveCard: (id, section, index) =>
      run(() => {
        if (cardAt(doc, id)) openCard(id);
        if (isSectionId(section)) open(section);
        moveCard(doc, id, section, index, LOCAL);
      }),
    moveBy: (id, delta) =>
      run(() => {
        const { section } = openCard(id);
        const index = store.getState().snapshot.sections[section].findIndex((c) => c.id === id);
        if (index + delta < 0) return;
        moveCard(doc, id, section, index + delta, LOCAL);
      }),
    moveToAdjacentSection: (id, delta) =>
      run(() => {
        const next = SECTION_IDS[SECTION_IDS.indexOf(openCard(id).section) + delta];
        if (next === undefined) return;
        open(next);
        moveCard(doc, id, next, Number.MAX_SAFE_INTEGER, LOCAL);
      }),
    deleteCard: (id) =>
      run(() => {
        if (cardAt(doc, id)) openCard(id);
        deleteCard(doc, id, LOCAL);
      }),
    restoreCard: (id) =>
      run(() => {
        if (cardAt(doc, id)) openCard(id);
        restoreCard(doc, id, LOCAL);
      }),
    rename: (title) => run(() => renameWorkshop(doc, title, LOCAL)),
    undo: () => {
      undoManager.undo();
    },
    redo: () => {
      undoManager.redo();
    },
  }));

  const onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const prev = store.getState().snapshot;
    store.setState({ snapshot: buildSnapshot(doc, prev, changedCardIds(events)) });
  };
  const onMeta = () => {
    const prev = store.getState().snapshot;
    store.setState({ snapshot: buildSnapshot(doc, prev, new Set()) });
  };
  const onStack = () => store.setState({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
  cards.observeDeep(onCards);
  meta.observe(onMeta);
  undoManager.on('stack-item-added', onStack);
  undoManager.on('stack-item-popped', onStack);
  undoManager.on('stack-cleared', onStack);

  return Object.assign(store, {
    doc,
    setPolicy: (next: BoardPolicy | null) => {
      policy = next;
      const access = accessOf(next);
      const before = store.getState().access;
      const same = SECTION_IDS.every((id) => before[id] === access[id]);
      if (!same) store.setState({ access });
    },
    destroy: () => {
      cards.unobserveDeep(onCards);
      meta.unobserve(onMeta);
      undoManager.destroy();
    },
  });
}
