// How many direct (WebRTC) links a peer keeps before the rest of the room reaches it through
// the relay. A full mesh costs every peer a connection to everyone (y-webrtc's own limit was
// 40, and 20-peer meshes failed to finish connecting here), so beyond 12 others the room relays.
// 0 turns WebRTC off: everything goes through the relay.
export const DEFAULT_MESH_SIZE = 12;
export const MAX_MESH_SIZE = 40;

/** A mesh size from a setting (e.g. localStorage), or the default when absent or not a number in range. */
export function readMeshSize(raw: string | null | undefined): number {
  if (raw === null || raw === undefined || !/^\d{1,2}$/.test(raw.trim())) return DEFAULT_MESH_SIZE;
  const n = Number(raw.trim());
  return n <= MAX_MESH_SIZE ? n : DEFAULT_MESH_SIZE;
}
