// Platform-free crypto for charters: encodings, SHA-256, Ed25519 verification, fingerprints
// and the signed message.
export * from './bytes';
export * from './sha256';
export * from './ed25519';
export * from './fingerprint';
export * from './signingMessage';
export * from './sealedBox';
