// The signaling topic of a room, derived from the workshop id and the room secret. The server
// therefore never learns the workshop id, and a peer with the wrong secret subscribes to a
// different topic and never even sees the room's (encrypted) signaling traffic.

const encoder = new TextEncoder();

export async function roomTopic(workshopId: string, secret: string): Promise<string> {
  const bytes = encoder.encode(`bridgeboard-room-v1\n${workshopId}\n${secret}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
