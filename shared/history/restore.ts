// Restoring: the live doc is brought back to an earlier state by writing new changes (which
// sync to everyone and go into everyone's history), never by rewriting a stored log. What is
// restored is the board people edit: the title, every card (its fields, status, section,
// position, deleted or not) and the charter's draft settings, plus names, sides and roles on the
// roster. Append-only records are left as they are: signed charter versions, signatures and
// seals, the facilitator's signed actions, ballots, the client list and pins.
//
// Two ways: to a point (everything in scope as it was then), or one participant's changes since
// a point (only entries whose current value that participant wrote after it; what others wrote
// since stays).
import * as Y from 'yjs';
import { docRoot, type RootName } from '../doc/roots';

export interface RestoreFilter {
  /** Whether the live value `item` may be reverted; absent means every value may. */
  readonly reverts: (item: Y.Item) => boolean;
}

const CARD_KEYS = ['id', 'section', 'rank', 'author', 'side', 'status', 'createdAt', 'deleted'] as const;
const ROSTER_KEYS = ['name', 'side', 'role'] as const;
const DRAFT_KEYS = ['draft.purpose', 'draft.scope', 'draft.reviewDate', 'draft.quorum'] as const;

const asMap = (value: unknown): Y.Map<unknown> | null => (value instanceof Y.Map ? (value as Y.Map<unknown>) : null);
const plain = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The item holding a key's current value (live), or null. */
function liveItem(map: Y.Map<unknown>, key: string): Y.Item | null {
  const item = map._map.get(key);
  return item && !item.deleted ? item : null;
}

class Restorer {
  writes = 0;
  constructor(private readonly filter: RestoreFilter | null) {}

  private may(map: Y.Map<unknown>, key: string): boolean {
    if (!this.filter) return true;
    const item = liveItem(map, key);
    return item !== null && this.filter.reverts(item);
  }

  /** Makes `key` of `live` hold what it holds in `past` (plain values only). */
  value(live: Y.Map<unknown>, past: Y.Map<unknown> | null, key: string, whenAbsent: 'delete' | 'keep' | { set: unknown }): void {
    const now = live.get(key);
    const then = past?.get(key);
    if (!plain(now ?? null) || (then !== undefined && !plain(then))) return;
    if (now === then || !this.may(live, key)) return;
    if (then !== undefined) live.set(key, then);
    else if (whenAbsent === 'delete') live.delete(key);
    else if (whenAbsent !== 'keep') live.set(key, whenAbsent.set);
    else return;
    this.writes++;
  }

  card(cards: Y.Map<unknown>, id: string, pastCard: Y.Map<unknown> | null): void {
    const existing = cards.get(id);
    const liveCard = asMap(existing);
    if (!liveCard) {
      // Gone from the live doc (only an older version could remove one): made again as it was.
      if (existing !== undefined || !pastCard || this.filter) return;
      const copy = new Y.Map<unknown>();
      const fields = new Y.Map<unknown>();
      for (const key of CARD_KEYS) if (plain(pastCard.get(key) ?? null) && pastCard.has(key)) copy.set(key, pastCard.get(key));
      asMap(pastCard.get('fields'))?.forEach((v, k) => typeof v === 'string' && fields.set(k, v));
      copy.set('fields', fields);
      cards.set(id, copy);
      this.writes++;
      return;
    }
    if (!pastCard) {
      // Added since: restoring puts it in the trash (still restorable from there).
      if (liveCard.get('deleted') !== true && (!this.filter || this.may(cards, id) || this.may(liveCard, 'deleted'))) {
        liveCard.set('deleted', true);
        this.writes++;
      }
      return;
    }
    for (const key of CARD_KEYS) this.value(liveCard, pastCard, key, 'keep');
    const liveFields = asMap(liveCard.get('fields'));
    const pastFields = asMap(pastCard.get('fields'));
    if (!liveFields) return;
    const keys = new Set<string>([...liveFields.keys(), ...(pastFields?.keys() ?? [])]);
    for (const key of keys) this.value(liveFields, pastFields, key, 'delete');
  }
}

const root = (doc: Y.Doc, name: RootName) => docRoot(doc, name);

/**
 * Writes, as one transaction with `origin`, what makes the live doc's board equal to `past`'s
 * (all of it, or with `filter` only the values it allows). Returns how many values it wrote.
 */
export function restoreBoard(live: Y.Doc, past: Y.Doc, origin: unknown, filter: RestoreFilter | null = null): number {
  const restorer = new Restorer(filter);
  live.transact(() => {
    restorer.value(root(live, 'meta'), root(past, 'meta'), 'title', 'keep');
    const liveCards = root(live, 'cards');
    const pastCards = root(past, 'cards');
    const ids = new Set<string>([...liveCards.keys(), ...pastCards.keys()]);
    for (const id of [...ids].sort()) restorer.card(liveCards, id, asMap(pastCards.get(id)));
    for (const key of DRAFT_KEYS) restorer.value(root(live, 'charter'), root(past, 'charter'), key, 'delete');
    root(live, 'roster').forEach((entry, id) => {
      const liveEntry = asMap(entry);
      const pastEntry = asMap(root(past, 'roster').get(id));
      if (!liveEntry || !pastEntry) return;
      for (const key of ROSTER_KEYS) restorer.value(liveEntry, pastEntry, key, 'keep');
    });
  }, origin);
  return restorer.writes;
}

/**
 * Undoes one participant's changes since a point: values whose live version was written by one
 * of `clients` after `since` (that point's state vector) go back to what they were at the
 * point; values someone else wrote afterwards stay.
 */
export function undoChangesSince(live: Y.Doc, past: Y.Doc, since: ReadonlyMap<number, number>, clients: ReadonlySet<number>, origin: unknown): number {
  return restoreBoard(live, past, origin, { reverts: (item) => clients.has(item.id.client) && item.id.clock >= (since.get(item.id.client) ?? 0) });
}
