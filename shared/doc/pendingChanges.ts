// Changes that wait for ones they depend on (Yjs keeps them pending and tries them again on every
// later update). A real dependency arrives within moments; what still waits a while later is
// dropped, so a peer cannot park work in everyone's doc (or deletions aimed at changes not made
// yet) for ever. Nothing is lost for good: whoever has the whole change sends it again on the
// next sync, and it applies then.
import type * as Y from 'yjs';

export interface PendingMark {
  readonly structs: Uint8Array | null;
  readonly deletes: Uint8Array | null;
}

export const NOTHING_PENDING: PendingMark = { structs: null, deletes: null };

/**
 * Drops what has been pending since `previous` (the mark this returned last time) and returns
 * the new mark and how many bytes it dropped. Call it at an interval: pending work survives
 * between one and two intervals.
 */
export function expireStalePending(doc: Y.Doc, previous: PendingMark): { mark: PendingMark; dropped: number } {
  const store = doc.store;
  let dropped = 0;
  if (store.pendingStructs !== null && store.pendingStructs.update === previous.structs) {
    dropped += store.pendingStructs.update.byteLength;
    store.pendingStructs = null;
  }
  if (store.pendingDs !== null && store.pendingDs === previous.deletes) {
    dropped += store.pendingDs.byteLength;
    store.pendingDs = null;
  }
  return { mark: { structs: store.pendingStructs?.update ?? null, deletes: store.pendingDs }, dropped };
}
