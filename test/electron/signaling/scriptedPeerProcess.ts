// Child process of scriptedPeer.ts: one stock y-webrtc peer (fake WebRTC, real signaling).
// argv: {room, password, signaling}; stdin: {"type": "text"} lines; stdout: its state every 50 ms.
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { fakeWrtc } from './fakeWrtc';

const config = JSON.parse(process.argv[2] ?? '{}') as { room: string; password: string; signaling: string[] };
(globalThis as Record<string, unknown>).WebSocket ??= WebSocket;
// A message sealed with another room secret fails to decrypt inside y-webrtc as an unhandled
// rejection; a browser logs it and carries on, and so does this peer, counting them.
let undecryptable = 0;
process.on('unhandledRejection', (reason) => {
  if (reason instanceof Error && reason.name === 'OperationError') undecryptable++;
  else throw reason;
});
const { WebrtcProvider } = await import('y-webrtc');
const doc = new Y.Doc();
const text = doc.getText('t');
const provider = new WebrtcProvider(config.room, doc, { signaling: config.signaling, password: config.password, peerOpts: { wrtc: fakeWrtc } });

let signalingLost = 0;
for (const conn of provider.signalingConns) conn.on('disconnect', () => void signalingLost++);

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as { type?: string };
  if (typeof command.type === 'string') text.insert(text.length, command.type);
});
process.stdin.on('end', () => {
  provider.destroy();
  process.exit(0);
});
setInterval(() => {
  const peers = [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length;
  const signaling = provider.signalingConns.filter((c) => c.connected).length;
  process.stdout.write(`${JSON.stringify({ text: text.toString(), peers, signaling, signalingLost, undecryptable })}\n`);
}, 50);
