// The main process's identity keys: one Ed25519 key per device and profile, kept encrypted
// by safeStorage, used for signing charters here and nowhere else.
export * from './identityErrors';
export * from './identityStore';
export * from './safeStorageLike';
export * from './storageProtection';
export * from './identityService';
export * from './replaceConfirmation';
