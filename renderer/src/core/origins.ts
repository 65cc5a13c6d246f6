// Transaction origins: who made a change to an open workshop's doc. The origin decides what
// undo covers (only LOCAL), what is stored (everything but STORAGE, which came from storage)
// and how the history names a change (history records' `kind`, session/workshopRecorder.ts).
export const LOCAL = { name: 'bridgeboard-local' } as const;
/** Updates read back from storage: applied, never stored again. */
export const STORAGE = { name: 'bridgeboard-storage' } as const;
/** The roster entry written when joining a room or when this device's key changes. */
export const ROOM = { name: 'bridgeboard-room' } as const;
/** Signed facilitator actions and ballots. */
export const FACILITATION = { name: 'bridgeboard-facilitation' } as const;
/** A restore from the history. */
export const RESTORE = { name: 'bridgeboard-restore' } as const;
/** A schema migration on open. */
export const MIGRATION = { name: 'bridgeboard-migration' } as const;
