// Child process for yWebrtcSync.test.ts: a second, separate y-webrtc peer (y-webrtc and lib0
// share in-process state, so two peers in one process would sync behind signaling's back).
// Usage: tsx yWebrtcPeer.ts <invite> <text to insert> <text to wait for>
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { parseInvite } from '../../../shared/room';
import { fakeWrtc } from './fakeWrtc';

const [link = '', mine = '', awaited = ''] = process.argv.slice(2);
(globalThis as Record<string, unknown>).WebSocket ??= WebSocket;
const parsed = parseInvite(link, Date.now());
if (!parsed.ok) {
  console.log(JSON.stringify({ error: parsed.error }));
  process.exit(2);
}
const { WebrtcProvider } = await import('y-webrtc');
const doc = new Y.Doc();
doc.getText('t').insert(0, mine);
const provider = new WebrtcProvider(parsed.invite.workshopId, doc, {
  signaling: [...parsed.invite.signaling],
  password: parsed.invite.secret,
  peerOpts: { wrtc: fakeWrtc },
});
const deadline = Date.now() + 15_000;
while (!doc.getText('t').toString().includes(awaited) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const text = doc.getText('t').toString();
console.log(JSON.stringify({ text }));
// Stay a moment so the parent can receive our edit before we leave.
await new Promise((r) => setTimeout(r, 500));
provider.destroy();
process.exit(text.includes(awaited) ? 0 : 1);
