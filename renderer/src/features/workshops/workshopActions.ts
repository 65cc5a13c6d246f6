// Creating and renaming workshops in storage. Both validate through the shared board operations
// first, so a bad title throws a BoardError and nothing is stored. Whoever creates a workshop
// facilitates it: their key is fixed in it as the facilitator's.
import * as Y from 'yjs';
// Not crypto.randomUUID: that exists only in secure contexts, and a participant may open the
// web build over plain http on the LAN.
import { uuidv4 } from 'lib0/random';
import { renameWorkshop as renameInDoc, metaMap } from '../../../../shared/board';
import { initWorkshop } from '../../../../shared/schema';
import { encodeHistoryRecord, summarizeTransaction } from '../../../../shared/history';
import type { Host, WorkshopSummary } from '../../host/Host';
import { STORAGE } from '../../core/origins';
import { myParticipantId } from '../identity';
import type { Profile } from '../profile';

/**
 * A new workshop whose facilitator is this device's key, fixed in the doc for good. Where the key
 * cannot be loaded (a browser without WebCrypto), the workshop starts without one and this
 * device fixes it when it next opens the workshop with its key.
 */
export async function createWorkshop(host: Host, title: string, profile: Profile): Promise<WorkshopSummary> {
  const doc = new Y.Doc();
  const now = Date.now();
  const identity = await host.identity.get().catch(() => null);
  const facilitator = identity ? { publicKey: identity.publicKey, participantId: myParticipantId() } : undefined;
  initWorkshop(doc, { title, facilitator: profile.name, createdAt: now }, null, facilitator);
  const summary: WorkshopSummary = { id: uuidv4(), title: String(metaMap(doc).get('title')), createdAt: now, updatedAt: now };
  await host.storage.create(summary, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return summary;
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
