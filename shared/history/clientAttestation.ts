// Who each Yjs client is. Every app session edits under a fresh random Yjs client id; before its
// first change it writes "client <id> is participant <p>" under the 'clients' root, in the same
// transaction. The guard lets only client <id> itself write that entry, and only once, so the
// history can name the author of every change and nobody can relabel someone else's.
import type * as Y from 'yjs';
import { z } from 'zod';
import { docRoot } from '../doc/roots';

const entrySchema = z.object({ participantId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }).strict();

/** Writes this doc's client entry if it has none yet; call inside the transaction of a change. */
export function attestClient(doc: Y.Doc, participantId: string): void {
  const clients = docRoot(doc, 'clients');
  const key = String(doc.clientID);
  if (clients.has(key)) return;
  const entry = entrySchema.parse({ participantId });
  clients.set(key, JSON.stringify(entry));
}

/** Client id → participant id, for every entry that reads. */
export function readClients(doc: Y.Doc): Map<number, string> {
  const out = new Map<number, string>();
  docRoot(doc, 'clients').forEach((value, key) => {
    if (typeof value !== 'string' || !/^\d{1,10}$/.test(key)) return;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(value));
      if (parsed.success) out.set(Number(key), parsed.data.participantId);
    } catch {
      // An entry that does not read names nobody.
    }
  });
  return out;
}
