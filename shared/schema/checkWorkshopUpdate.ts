// The update guard with the workshop schema and its default limits: what every door runs
// before an update may reach a workshop doc (the room's data channels, .bridgeboard import,
// storage recovery).
import type * as Y from 'yjs';
import { DEFAULT_GUARD_LIMITS, type GuardLimits } from '../doc/guardLimits';
import { checkUpdate, type GuardVerdict } from '../doc/updateGuard';
import { workshopSchema } from './workshopSchema';

export function checkWorkshopUpdate(doc: Y.Doc, update: Uint8Array, docBytes = 0, limits: GuardLimits = DEFAULT_GUARD_LIMITS): GuardVerdict {
  return checkUpdate(doc, update, workshopSchema, limits, docBytes);
}
