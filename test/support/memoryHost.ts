// A Host in memory, for tests of the renderer's services in Node: storage keeps what was created
// and every appended record (as the real hosts do, history included), the vault is a map, and
// the identity signs with a real Ed25519 key from a seed.
import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fingerprintOf, toBase64url } from '../../shared/crypto';
import { actionMessage, ballotMessage } from '../../shared/facilitation';
import { checkpointRecord, usableRecord } from '../../shared/history';
import { HostError, type Host, type WorkshopStorage, type WorkshopSummary } from '../../renderer/src/host/Host';

export interface MemoryHost {
  readonly host: Host;
  /** Per workshop: the created state, then each appended record. */
  readonly stored: Map<string, Uint8Array[]>;
  readonly summaries: Map<string, WorkshopSummary>;
  readonly vault: Map<string, Map<string, string>>;
  /** Every storage call, in order ('append', 'summary:<title>', 'close'). */
  readonly calls: string[];
}

export function memoryHost(seed = 1): MemoryHost {
  const stored = new Map<string, Uint8Array[]>();
  const summaries = new Map<string, WorkshopSummary>();
  const vault = new Map<string, Map<string, string>>();
  const calls: string[] = [];
  const secret = new Uint8Array(32).fill(seed);
  const publicKey = toBase64url(ed25519.getPublicKey(secret));
  const no = () => Promise.reject(new HostError('unavailable', 'not in this test'));
  const storage: WorkshopStorage = {
    list: async () => [...summaries.values()],
    create: async (summary, state) => {
      summaries.set(summary.id, summary);
      stored.set(summary.id, [checkpointRecord(state, 1)]);
    },
    load: async (id) => {
      const records = stored.get(id);
      if (!records) throw new HostError('not-found', 'no such workshop');
      return { state: Y.mergeUpdates(records.map((r) => usableRecord(r)?.update ?? new Uint8Array([0, 0]))), skippedBytes: 0 };
    },
    append: async (id, record) => {
      calls.push('append');
      if (!usableRecord(record)) throw new HostError('invalid-request', 'not a stored change');
      // Slow writes must still land in order.
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      stored.get(id)?.push(record);
    },
    setSummary: async (summary) => {
      calls.push(`summary:${summary.title}`);
      summaries.set(summary.id, summary);
    },
    close: async () => {
      calls.push('close');
    },
    remove: async (id) => {
      stored.delete(id);
      vault.delete(id);
    },
    recover: async () => ({ skippedBytes: 0, keptUpdates: 0 }),
    history: async (id) => [...(stored.get(id) ?? [])],
  };
  const host: Host = {
    kind: 'browser',
    storage,
    vault: {
      read: async (id) => Object.fromEntries(vault.get(id) ?? []),
      write: async (id, key, value) => {
        const entries = vault.get(id) ?? new Map<string, string>();
        vault.set(id, entries);
        if (value === null) entries.delete(key);
        else entries.set(key, value);
      },
    },
    files: { save: async () => true, open: async () => null },
    identity: {
      get: async () => ({ publicKey, fingerprint: fingerprintOf(ed25519.getPublicKey(secret)), createdAt: '', protection: { weak: false, backend: 'test', warning: null } }),
      signCharter: no,
      signSeal: no,
      signFacilitatorAction: async (input) => toBase64url(ed25519.sign(actionMessage(input), secret)),
      signBallot: async (input) => toBase64url(ed25519.sign(ballotMessage(input), secret)),
      replace: no,
    },
    openExternal: async () => undefined,
  };
  return { host, stored, summaries, vault, calls };
}
