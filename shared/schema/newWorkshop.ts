// A new workshop doc at the current schema version: the board's meta plus the version, in one
// transaction.
import type * as Y from 'yjs';
import { writeWorkshopMeta, type WorkshopInit } from '../board/boardOps';
import { docRoot } from '../doc/roots';
import { SCHEMA_VERSION } from './workshopSchema';

export function initWorkshop(doc: Y.Doc, init: WorkshopInit, origin: unknown = null): void {
  doc.transact(() => {
    writeWorkshopMeta(doc, init, origin);
    docRoot(doc, 'meta').set('schema', SCHEMA_VERSION);
  }, origin);
}
