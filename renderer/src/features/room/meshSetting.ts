// The mesh size of this device's rooms (shared/relay/meshSize.ts): how many direct WebRTC links
// it keeps before the rest of a room reaches it through the relay. An operator or a test sets
// it in the browser's storage: localStorage['bridgeboard.room.meshSize'] = '0'..'40'.
import { readMeshSize } from '../../../../shared/relay';

export const MESH_SIZE_KEY = 'bridgeboard.room.meshSize';

export function meshSizeSetting(): number {
  try {
    return readMeshSize(globalThis.localStorage?.getItem(MESH_SIZE_KEY));
  } catch {
    return readMeshSize(null);
  }
}
