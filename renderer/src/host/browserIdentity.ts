// The browser host's identity: an Ed25519 WebCrypto key pair generated once, with a
// NON-extractable private key, kept in its own IndexedDB database (CryptoKey objects are
// structured-cloneable, so the browser stores the key without ever exposing its bytes to us).
// It signs exactly the documented bytes (shared/crypto/signingMessage.ts), like the Electron host.
import { fingerprintOf, fromBase64url, sealMessage, signingMessage, toBase64url, verifyEd25519 } from '../../../shared/crypto';
import { actionMessage } from '../../../shared/facilitation/actionMessage';
import { ballotMessage } from '../../../shared/facilitation/ballots';
import { HostError, type HostIdentity, type PublicIdentity } from './Host';

const DB = 'bridgeboard-identity';
const STORE = 'keys';
const KEY_ID = 'default';

interface StoredKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: string;
  readonly createdAt: string;
}

const PROTECTION: PublicIdentity['protection'] = {
  weak: false,
  backend: 'browser',
  // Honest, not alarming: the key cannot be copied out, but this browser profile can use it.
  warning: null,
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

function isStoredKey(value: unknown): value is StoredKey {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.privateKey instanceof CryptoKey && typeof v.publicKey === 'string' && typeof v.createdAt === 'string';
}

function subtle(): SubtleCrypto {
  // Plain-http pages from another machine are not a secure context: no crypto.subtle at all.
  if (!globalThis.isSecureContext || !globalThis.crypto?.subtle) {
    throw new HostError('unavailable', 'This page is not a secure context (plain http from another computer), so the browser will not keep a signing key here. Open Bridgeboard over https or on this computer, or use the desktop app.');
  }
  return globalThis.crypto.subtle;
}

async function generate(): Promise<StoredKey> {
  let pair: CryptoKeyPair;
  try {
    pair = (await subtle().generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('unavailable', 'This browser cannot create Ed25519 signing keys; use a current Chrome, Edge, Firefox or Safari, or the desktop app.');
  }
  // Public keys are always exportable; the private key stays non-extractable.
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64url(raw), createdAt: new Date().toISOString() };
}

async function openKeyStore(): Promise<IDBDatabase> {
  try {
    return await openDb();
  } catch {
    throw new HostError('unavailable', 'This browser does not let Bridgeboard store a signing key (private mode or storage disabled).');
  }
}

async function loadOrCreate(): Promise<StoredKey> {
  const db = await openKeyStore();
  try {
    const existing: unknown = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (isStoredKey(existing)) return existing;
    if (existing !== undefined) throw new HostError('corrupt', 'The signing key stored in this browser is damaged. Create a new key to sign again; the facilitator will compare its fingerprint with you in person.');
    const created = await generate();
    const tx = db.transaction(STORE, 'readwrite');
    // `add`, not `put`: if another tab created a key meanwhile, keep theirs and use it.
    tx.objectStore(STORE).add(created, KEY_ID);
    const stored = await new Promise<boolean>((resolve) => {
      tx.oncomplete = () => resolve(true);
      tx.onerror = (event) => {
        event.preventDefault();
        resolve(false);
      };
      tx.onabort = () => resolve(false);
    });
    if (stored) return created;
    const winner: unknown = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (isStoredKey(winner)) return winner;
    throw new HostError('storage-failed', 'The signing key could not be stored in this browser.');
  } finally {
    db.close();
  }
}

/**
 * Stores `created` as the key, keeping the one it replaces (if any, readable or not) under
 * `replaced-<time>`, in one transaction.
 */
async function storeReplacement(created: StoredKey): Promise<void> {
  const db = await openKeyStore();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const old = store.get(KEY_ID);
    let works = false;
    old.onsuccess = () => {
      // A key that still loads is never replaced (see HostIdentity.replace).
      if (isStoredKey(old.result)) {
        works = true;
        tx.abort();
        return;
      }
      if (old.result !== undefined) store.put(old.result, `replaced-${created.createdAt}`);
      store.put(created, KEY_ID);
    };
    await new Promise<void>((resolve, reject) => {
      const failed = () =>
        reject(works ? new HostError('forbidden', "This device's signing key works; it is replaced only when it can no longer be used.") : new HostError('storage-failed', 'The new signing key could not be stored in this browser.'));
      tx.oncomplete = () => resolve();
      tx.onerror = failed;
      tx.onabort = failed;
    });
  } finally {
    db.close();
  }
}

export function createBrowserIdentity(): HostIdentity {
  let loading: Promise<StoredKey> | null = null;
  const ready = (): Promise<StoredKey> => {
    loading ??= loadOrCreate().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  };
  const sign = async (message: Uint8Array): Promise<string> => {
    const key = await ready();
    const copy = new Uint8Array(message); // an ArrayBuffer-backed copy, as WebCrypto wants
    const signature = new Uint8Array(await subtle().sign({ name: 'Ed25519' }, key.privateKey, copy));
    // A wrong signature must never reach the room under our name.
    if (!verifyEd25519(fromBase64url(key.publicKey), message, signature)) throw new HostError('unavailable', 'The browser produced a signature that does not verify.');
    return toBase64url(signature);
  };
  const describe = (key: StoredKey): PublicIdentity => ({ publicKey: key.publicKey, fingerprint: fingerprintOf(fromBase64url(key.publicKey)), createdAt: key.createdAt, protection: PROTECTION });
  return {
    get: async () => describe(await ready()),
    replace: async () => {
      const created = await generate();
      await storeReplacement(created);
      loading = Promise.resolve(created);
      return describe(created);
    },
    signCharter: (input) => sign(signingMessage(input)),
    signSeal: (input) => sign(sealMessage(input)),
    signFacilitatorAction: (input) => sign(actionMessage(input)),
    signBallot: (input) => sign(ballotMessage(input)),
  };
}
