// The one interface through which the renderer reaches its host (Electron via the preload, or
// the browser). The renderer owns the Y.Doc; the host stores its updates and moves files.

export interface WorkshopSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type HostErrorCode =
  | 'not-found'
  | 'invalid-request'
  | 'storage-failed'
  | 'corrupt'
  | 'too-large'
  | 'cancelled'
  | 'forbidden'
  | 'unavailable';

/** Every Host method rejects with a HostError, never anything else. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface LoadedWorkshop {
  /** The workshop's Yjs state: the snapshot with every stored update merged in. */
  readonly state: Uint8Array;
  /** Bytes of a torn or corrupt log tail that recovery skipped; 0 when all was well. */
  readonly skippedBytes: number;
}

export interface WorkshopStorage {
  list(): Promise<WorkshopSummary[]>;
  /** Creates the workshop with its first state. Fails if the id exists. */
  create(summary: WorkshopSummary, state: Uint8Array): Promise<void>;
  load(id: string): Promise<LoadedWorkshop>;
  /** Resolves only once the update is durable (fsync'd, or committed in IndexedDB). */
  append(id: string, update: Uint8Array): Promise<void>;
  /** Updates the list entry (title, updatedAt) without touching the board. */
  setSummary(summary: WorkshopSummary): Promise<void>;
  /** Compacts and releases the workshop; call when its board is closed. */
  close(id: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface WorkshopFiles {
  /** Offers `bytes` to the user to save as `suggestedName`; false if they cancelled. */
  save(suggestedName: string, bytes: Uint8Array): Promise<boolean>;
  /** Lets the user pick a workshop file; null if they cancelled. */
  open(): Promise<{ name: string; bytes: Uint8Array } | null>;
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  readonly storage: WorkshopStorage;
  readonly files: WorkshopFiles;
  /** Opens an http(s) URL in the system browser (or a new tab); anything else is refused. */
  openExternal(url: string): Promise<void>;
}
