// The identity feature: this device's signing key as the UI sees it (loaded from the host, which
// keeps the private key), its fingerprint, the panel that shows it, the participant id, and
// the service that keeps my key on an open workshop's roster.
export { Fingerprint } from './Fingerprint';
export { IdentityPanel } from './IdentityPanel';
export { identityStore, loadIdentity, replaceIdentity, useIdentity, type IdentityState } from './identityStore';
export { myParticipantId } from './participantId';
export { startRosterKey, type RosterKeyDeps } from './rosterKey';
