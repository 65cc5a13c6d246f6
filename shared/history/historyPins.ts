// Points in the history the facilitator pinned (the start of a phase, "before the vote"): kept
// in the doc, so every peer shows them, and kept restorable when old history is folded.
import type * as Y from 'yjs';
import { z } from 'zod';
import { docRoot } from '../doc/roots';

const pinSchema = z.object({ at: z.number().int().min(0), label: z.string().min(1).max(200), by: z.string().max(100) }).strict();

export interface HistoryPin {
  readonly id: string;
  /** The facilitator's clock when pinned. */
  readonly at: number;
  readonly label: string;
  readonly by: string;
}

/**
 * A pin that marks the start of a phase of the built-in agenda, still titled as shipped, has an
 * id `phase_<phase id>_<nonce>`: a reader words that title in their own language, while the
 * label (in the facilitator's language) is what older versions show. Built-in phase ids are
 * short; a longer one gets an ordinary id.
 */
export function phasePinId(phaseId: string, nonce: string): string {
  const id = `phase_${phaseId}_${nonce}`;
  return /^[a-z0-9-]+$/.test(phaseId) && id.length <= 40 ? id : nonce;
}

/** The built-in phase a pin marks the start of (see phasePinId), or null. */
export function pinnedPhase(pin: Pick<HistoryPin, 'id'>): string | null {
  return /^phase_([a-z0-9-]+)_[A-Za-z0-9]+$/.exec(pin.id)?.[1] ?? null;
}

export function pinPoint(doc: Y.Doc, pin: HistoryPin, origin: unknown = null): void {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(pin.id)) throw new Error('A pin id is letters, digits, - and _ only.');
  const value = pinSchema.parse({ at: Math.round(pin.at), label: pin.label.trim().slice(0, 200), by: pin.by });
  doc.transact(() => docRoot(doc, 'history').set(`pin.${pin.id}`, JSON.stringify(value)), origin);
}

export function unpin(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => docRoot(doc, 'history').delete(`pin.${id}`), origin);
}

/** The pins, oldest first; entries that do not read are skipped. */
export function readPins(doc: Y.Doc): HistoryPin[] {
  const out: HistoryPin[] = [];
  docRoot(doc, 'history').forEach((value, key) => {
    if (!key.startsWith('pin.') || typeof value !== 'string') return;
    try {
      const parsed = pinSchema.safeParse(JSON.parse(value));
      if (parsed.success) out.push({ id: key.slice(4), ...parsed.data });
    } catch {
      // Skipped: a pin that does not read pins nothing.
    }
  });
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
