// What this device keeps for one workshop outside its doc (the room secret and network
// credentials, the facilitator key it pinned, the secret of a vote it started, its own
// ballots), read once from the host's vault when the workshop opens and then answered from
// memory; every change is written through to the host. Tabs of the same browser tell each
// other what they wrote, so a ballot cast in one tab is known as mine in the others.
// Older versions kept these entries in localStorage; they move into the vault on first open.
import type { Host } from '../host/Host';

export interface WorkshopVault {
  readonly workshopId: string;
  get(key: string): string | null;
  /** Sets an entry (null removes it); the write to the host happens in the background. */
  set(key: string, value: string | null): void;
  /** Resolves once every write so far has reached the host. */
  flush(): Promise<void>;
  close(): void;
}

const CHANNEL = 'bridgeboard-vault';

/** localStorage keys of older versions, and the vault key each becomes. */
function legacyKeys(workshopId: string): [string, string][] {
  const out: [string, string][] = [];
  const room = `bridgeboard.room.${workshopId}`;
  const prefix = 'bridgeboard.facilitation.';
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key === null) continue;
      if (key === room) out.push([key, 'room']);
      for (const kind of ['pin', 'claim'] as const) if (key === `${prefix}${kind}.${workshopId}`) out.push([key, `facilitation.${kind}`]);
      for (const kind of ['round', 'dots', 'ballot'] as const) {
        const start = `${prefix}${kind}.${workshopId}.`;
        if (key.startsWith(start)) out.push([key, `facilitation.${kind}.${key.slice(start.length)}`]);
      }
    }
  } catch {
    // No localStorage (private mode): nothing to move.
  }
  return out;
}

export async function openWorkshopVault(host: Host, workshopId: string, onError: (e: unknown) => void): Promise<WorkshopVault> {
  const entries = new Map(Object.entries(await host.vault.read(workshopId)));
  let pending: Promise<void> = Promise.resolve();
  const persist = (key: string, value: string | null): void => {
    pending = pending.then(() => host.vault.write(workshopId, key, value)).catch(onError);
  };
  for (const [legacy, key] of legacyKeys(workshopId)) {
    const value = localStorage.getItem(legacy);
    if (value !== null && !entries.has(key)) {
      entries.set(key, value);
      persist(key, value);
    }
    localStorage.removeItem(legacy);
  }
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { workshopId?: unknown; key?: unknown; value?: unknown } | null;
    if (data?.workshopId !== workshopId || typeof data.key !== 'string') return;
    if (typeof data.value === 'string') entries.set(data.key, data.value);
    else if (data.value === null) entries.delete(data.key);
  };
  channel?.addEventListener('message', onMessage);
  return {
    workshopId,
    get: (key) => entries.get(key) ?? null,
    set: (key, value) => {
      if (value === null) entries.delete(key);
      else entries.set(key, value);
      persist(key, value);
      channel?.postMessage({ workshopId, key, value });
    },
    flush: () => pending,
    close: () => {
      channel?.removeEventListener('message', onMessage);
      channel?.close();
    },
  };
}
