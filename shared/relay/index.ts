// The room relay: Yjs sync and presence through the signaling server, end-to-end encrypted with
// a key derived from the room secret, for big rooms and for peers with no direct path.
export { createRelayPeer, type RelayCounts, type RelayDrop, type RelayPeer, type RelayPeerConfig } from './relayPeer';
export { deriveRelayKey, relayTopic, inboxTopic, type RelayKey } from './relayCrypto';
export { defaultRelayOptions, type RelayOptions } from './relayLimits';
export type { RelayTransport } from './relayTransport';
export { createSocketTransport, type SocketTransport, type WebSocketLike } from './socketTransport';
export { DEFAULT_MESH_SIZE, MAX_MESH_SIZE, readMeshSize } from './meshSize';
