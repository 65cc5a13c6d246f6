// What one incoming update may ask of the doc. Each limit bounds a cost a peer could otherwise
// impose on everyone who applies its update (and on every reopen, since updates are stored):
// docs/architecture.md, "The update guard", explains each and the figures behind the defaults.
export interface GuardLimits {
  /** Structs in one update. A full sync of a 10,000-card board is about 170,000. */
  readonly maxStructs: number;
  /**
   * Writes to one key that do not simply follow the key's last value (two writes from the same
   * origin, or a write with no origin where the key already has one). Yjs scans the key's
   * concurrent writes for each of them, so N of them cost N²: 64,000 took 12 s here.
   */
  readonly maxConcurrentWritesPerKey: number;
  /** The same, summed over every key of one update. */
  readonly maxConcurrentWrites: number;
  /** Structs whose dependencies are missing (kept pending, re-tried on every later update). */
  readonly maxPendingStructs: number;
  /** Pending structs the doc may hold, as bytes of their encoded update. */
  readonly maxPendingBytes: number;
  /** Deletions of changes nobody here has seen yet (a delete can overtake the change it deletes). */
  readonly maxFutureDeletes: number;
  /** The doc's encoded size after the update. */
  readonly maxDocBytes: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxStructs: 250_000,
  maxConcurrentWritesPerKey: 32,
  maxConcurrentWrites: 512,
  maxPendingStructs: 512,
  maxPendingBytes: 1024 * 1024,
  maxFutureDeletes: 256,
  maxDocBytes: 32 * 1024 * 1024,
};
