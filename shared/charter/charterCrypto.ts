// The one door from shared/charter to shared/crypto, so the charter code names its crypto
// primitives in one place.
export * from '../crypto/index';
