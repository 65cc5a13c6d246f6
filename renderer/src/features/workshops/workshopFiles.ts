// Export and import of .bridgeboard files through the host. An import is decoded and verified
// completely before anything is stored, and always becomes a new workshop with a fresh id.
import * as Y from 'yjs';
// Not crypto.randomUUID: that exists only in secure contexts, and a participant may open the
// web build over plain http on the LAN.
import { uuidv4 } from 'lib0/random';
import { buildSnapshot } from '../../../../shared/board';
import { decodeWorkshopFile, encodeWorkshopFile, FILE_EXTENSION } from '../../../../shared/workshopFile';
import type { Host, WorkshopSummary } from '../../host/Host';
import type { BoardStore } from '../board';

// Defined by vite.config.ts; absent when this module runs unbundled (e.g. under vitest).
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

export function fileNameFor(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'workshop'}${FILE_EXTENSION}`;
}

export async function exportWorkshop(host: Host, store: BoardStore): Promise<boolean> {
  const meta = store.getState().snapshot.meta;
  const bytes = encodeWorkshopFile(
    { title: meta.title, createdAt: Math.max(0, Math.trunc(meta.createdAt)), exportedAt: Date.now(), appVersion: APP_VERSION },
    Y.encodeStateAsUpdate(store.doc),
  );
  return host.files.save(fileNameFor(meta.title), bytes);
}

/** Returns the new workshop, or null if the user cancelled the picker. */
export async function importWorkshop(host: Host): Promise<WorkshopSummary | null> {
  const picked = await host.files.open();
  return picked ? importWorkshopFile(host, picked) : null;
}

/** A workshop file's bytes (picked, or opened from the OS) as a new workshop; throws if they are not one. */
export async function importWorkshopFile(host: Host, picked: { readonly name: string; readonly bytes: Uint8Array }): Promise<WorkshopSummary> {
  const file = decodeWorkshopFile(picked.bytes);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, file.state);
  const meta = buildSnapshot(doc).meta;
  doc.destroy();
  const now = Date.now();
  const summary: WorkshopSummary = { id: uuidv4(), title: meta.title, createdAt: file.metadata.createdAt, updatedAt: now };
  await host.storage.create(summary, file.state);
  return summary;
}
