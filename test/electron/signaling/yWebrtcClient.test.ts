// Stock y-webrtc clients work through our server: the real WebrtcProvider and SignalingConn
// (in Node, with `ws` as the global WebSocket) connect, subscribe, announce and receive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import { connect, eventually } from './wsClient';
import { createInvite, formatInviteCode, parseInvite } from '../../../shared/room';

interface SignalingConnLike {
  connected: boolean;
  on(event: 'message', f: (m: Record<string, unknown>) => void): void;
}

let server: SignalingServer;
const globals = globalThis as { WebSocket?: unknown };

beforeAll(async () => {
  // lib0's websocket client uses the global WebSocket, which Node 20 lacks. Left in place after
  // the tests: its reconnect timers may still fire, and each test file runs in its own process.
  globals.WebSocket ??= WebSocket;
  server = await startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0 });
});
afterAll(async () => {
  await server.close();
});

async function openProvider(room: string, password?: string, signaling: readonly string[] = [server.url]) {
  const { WebrtcProvider } = await import('y-webrtc');
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(room, doc, { signaling: [...signaling], ...(password ? { password } : {}) });
  const conn = provider.signalingConns[0] as unknown as SignalingConnLike;
  return { provider, conn, doc };
}

describe('stock y-webrtc client', () => {
  it('connects, subscribes and announces itself; receives what others publish', async () => {
    const observer = await connect(server.url);
    observer.send({ type: 'subscribe', topics: ['plain-room'] });
    await eventually(() => server.stats().subscriptions === 1);

    const { provider, conn } = await openProvider('plain-room');
    const seen: Record<string, unknown>[] = [];
    conn.on('message', (m) => seen.push(m));
    await eventually(() => conn.connected, 5_000);
    const announce = await observer.next((m) => m.type === 'publish');
    const peerId = (provider as unknown as { room: { peerId: string } }).room.peerId;
    expect(announce).toEqual({ type: 'publish', topic: 'plain-room', data: { type: 'announce', from: peerId }, clients: 2 });

    // Addressed to another peer, so y-webrtc ignores it instead of starting WebRTC (absent in Node).
    observer.send({ type: 'publish', topic: 'plain-room', data: { type: 'signal', from: 'other', to: 'nobody', signal: {} } });
    await eventually(() => seen.some((m) => m.type === 'publish' && (m.data as { from?: string }).from === 'other'));
    expect(seen.find((m) => (m.data as { from?: string }).from === 'other')).toMatchObject({ clients: 2 });

    provider.destroy();
    await eventually(() => server.stats().subscriptions === 1);
    await observer.close();
  });

  it('joined from a typed invite code, the server relays only ciphertext and never the secret', async () => {
    const code = formatInviteCode(createInvite({ workshopId: 'secret-room', signaling: [server.url] }));
    const parsed = parseInvite(code, Date.now());
    if (!parsed.ok) throw new Error(parsed.message);
    const { invite } = parsed;
    const observer = await connect(server.url);
    observer.send({ type: 'subscribe', topics: [invite.workshopId] });
    await eventually(() => server.stats().subscriptions === 1);
    const { provider, conn } = await openProvider(invite.workshopId, invite.secret, invite.signaling);
    await eventually(() => conn.connected, 5_000);
    const announce = await observer.next((m) => m.type === 'publish', 5_000);
    expect(typeof announce.data).toBe('string');
    expect(String(announce.data)).not.toContain('announce');
    expect(JSON.stringify(observer.received)).not.toContain(invite.secret);
    provider.destroy();
    await observer.close();
  });
});
