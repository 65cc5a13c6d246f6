// Creating and renaming workshops in storage. Both validate through the shared board operations
// first, so a bad title throws a BoardError and nothing is stored. Whoever creates a workshop
// facilitates it: their key is fixed in it as the facilitator's, and the agenda template they
// chose is its first signed facilitator action.
import * as Y from 'yjs';
// Not crypto.randomUUID: that exists only in secure contexts, and a participant may open the
// web build over plain http on the LAN.
import { uuidv4 } from 'lib0/random';
import { renameWorkshop as renameInDoc, metaMap } from '../../../../shared/board';
import { initWorkshop } from '../../../../shared/schema';
import { signAction, writeSignedAction, type Agenda } from '../../../../shared/facilitation';
import { encodeHistoryRecord, summarizeTransaction } from '../../../../shared/history';
import type { Host, WorkshopSummary } from '../../host/Host';
import { STORAGE } from '../../core/origins';
import { myParticipantId } from '../identity';
import type { Profile } from '../profile';

/** The new workshop, and whether its agenda is the one chosen (false: this device cannot sign). */
export interface CreatedWorkshop {
  readonly summary: WorkshopSummary;
  readonly agendaApplied: boolean;
}

/**
 * A new workshop whose facilitator is this device's key, fixed in the doc for good, with the
 * chosen agenda set by an action signed with that key (sequence 1), so every peer folds the same
 * agenda. Where the key cannot be loaded (a browser without WebCrypto), the workshop starts
 * without one (this device fixes it when it next opens the workshop with its key) and with the
 * built-in agenda, and says so.
 */
export async function createWorkshop(host: Host, title: string, profile: Profile, agenda: Agenda): Promise<CreatedWorkshop> {
  const doc = new Y.Doc();
  const now = Date.now();
  const id = uuidv4();
  const identity = await host.identity.get().catch(() => null);
  const facilitator = identity ? { publicKey: identity.publicKey, participantId: myParticipantId() } : undefined;
  initWorkshop(doc, { title, facilitator: profile.name, createdAt: now }, null, facilitator);
  const summary: WorkshopSummary = { id, title: String(metaMap(doc).get('title')), createdAt: now, updatedAt: now };
  let agendaApplied = false;
  if (identity) {
    const signed = await signAction((input) => host.identity.signFacilitatorAction(input), id, 1, { type: 'agenda.set', agenda, at: now }, identity.publicKey);
    writeSignedAction(doc, signed, STORAGE);
    agendaApplied = true;
  }
  await host.storage.create(summary, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return { summary, agendaApplied };
}

/** Renames a workshop that is not open: its doc (the truth) and then its list entry. */
export async function renameStoredWorkshop(host: Host, summary: WorkshopSummary, title: string): Promise<void> {
  const loaded = await host.storage.load(summary.id);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state, STORAGE);
  let record: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    record = encodeHistoryRecord({ at: Date.now(), kind: 'local', from: myParticipantId(), clients: [doc.clientID], summary: summarizeTransaction(doc, tr), update });
  });
  try {
    renameInDoc(doc, title);
    if (record) await host.storage.append(summary.id, record);
    await host.storage.setSummary({ ...summary, title: String(metaMap(doc).get('title')), updatedAt: Date.now() });
  } finally {
    doc.destroy();
  }
}
