// A new workshop doc at the current schema version: the board's meta plus the version, in one
// transaction.
import type * as Y from 'yjs';
import { writeWorkshopMeta, type WorkshopInit } from '../board/boardOps';
import { docRoot } from '../doc/roots';
import { SCHEMA_VERSION } from './workshopSchema';
import { fixFacilitatorKey } from '../facilitation/facilitationDoc';

/** `facilitator`: the creator's key and participant id, fixed as the workshop's facilitator. */
export function initWorkshop(doc: Y.Doc, init: WorkshopInit, origin: unknown = null, facilitator?: { readonly publicKey: string; readonly participantId: string }): void {
  doc.transact(() => {
    writeWorkshopMeta(doc, init, origin);
    docRoot(doc, 'meta').set('schema', SCHEMA_VERSION);
    if (facilitator) fixFacilitatorKey(doc, facilitator.publicKey, facilitator.participantId, origin);
  }, origin);
}
