// Two stock y-webrtc peers, in separate processes and each joined from the same invite link,
// find each other through our signaling server (announce, offer, answer and candidates, all
// encrypted with the room secret) and converge on one Y.Doc. WebRTC itself is faked in memory
// (fakeWrtc.ts); real browser data channels are for the Playwright tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import { createInvite, formatInviteLink, parseInvite } from '../../../shared/room';
import { fakeWrtc } from './fakeWrtc';
import { eventually } from './wsClient';

let server: SignalingServer;

beforeAll(async () => {
  (globalThis as Record<string, unknown>).WebSocket ??= WebSocket;
  server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('stock y-webrtc peers through the signaling server', () => {
  it('two peers joined from one invite connect and converge', async () => {
    const link = formatInviteLink(createInvite({ workshopId: 'sync-room', signaling: [server.url] }));
    const parsed = parseInvite(link, Date.now());
    if (!parsed.ok) throw new Error(parsed.message);
    const { invite } = parsed;

    const { WebrtcProvider } = await import('y-webrtc');
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'from A;');
    const provider = new WebrtcProvider(invite.workshopId, doc, {
      signaling: [...invite.signaling],
      password: invite.secret,
      peerOpts: { wrtc: fakeWrtc },
    });
    const script = fileURLToPath(new URL('./yWebrtcPeer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, link, 'from B;', 'from A;'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(() => doc.getText('t').toString().includes('from B;'), 20_000);
      const conns = [...(provider.room?.webrtcConns.values() ?? [])];
      expect(conns.some((c) => c.connected)).toBe(true);
      expect(await exited).toBe(0);
      const childText = (JSON.parse(output.trim().split('\n').pop() ?? '{}') as { text?: string }).text;
      expect(childText).toBe(doc.getText('t').toString());
      // Announces, offer, answer and candidates all went through the server.
      expect(server.stats().published).toBeGreaterThanOrEqual(4);
    } finally {
      child.kill('SIGKILL');
      provider.destroy();
    }
  });
});
