// The short code on the facilitator's LAN port (the room's one HTTPS/WSS port, plain ws for
// desktop apps): the facilitator's app leaves the box over wss with the certificate it trusts;
// a desktop joiner types only "127.0.0.1:<port>" beside the code, its wss attempt fails on the
// self-signed certificate it does not trust yet, plain ws finds the box, and the certificate
// fingerprint it then pins comes from inside the box, authenticated by the code's key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { describeCertificate } from '../../../electron/main/tls/certificateInfo';
import { issueSelfSignedCertificate, type IssuedCertificate } from '../../../electron/main/tls/selfSignedCertificate';
import { startRoomPortServer, type RoomPortServer } from '../../../electron/main/webHost/roomPortServer';
import { createInvite, draftShortInvite, leaveShortInvite, lookUpShortInvite, serverCandidates, typedServerAddress, type OpenWebSocket, type WebSocketLike } from '../../../shared/room';

let cert: IssuedCertificate;
let server: RoomPortServer;

beforeAll(async () => {
  cert = await issueSelfSignedCertificate({ hosts: ['localhost', '127.0.0.1'] });
  server = await startRoomPortServer({ host: '127.0.0.1', port: 0, webRoot: null, tls: cert, plainSignaling: true, signaling: { statsIntervalMs: 0 } });
});
afterAll(async () => {
  await server?.close();
});

/** `ws` as the shared code wants it; `ca` set: a client that trusts the room's certificate. */
function sockets(tried: string[], ca?: string): OpenWebSocket {
  return (url) => {
    tried.push(url);
    const ws = new WebSocket(url, ca ? { ca } : {});
    const like: WebSocketLike = { onopen: null, onmessage: null, onerror: null, onclose: null, send: (d) => ws.send(d), close: () => ws.close() };
    ws.on('open', () => like.onopen?.());
    ws.on('message', (data) => like.onmessage?.({ data: data.toString() }));
    ws.on('error', () => like.onerror?.());
    ws.on('close', () => like.onclose?.());
    return like;
  };
}

describe('a short code on the LAN room port', () => {
  it('is left over wss and found by a desktop joiner who types only the address beside the code', async () => {
    const sha256 = describeCertificate(cert.cert).sha256;
    const signaling = `wss://127.0.0.1:${server.port}`;
    const invite = createInvite({ workshopId: 'lan-room', signaling: [signaling], certificate: sha256 });
    const draft = await draftShortInvite(invite);
    const left = await leaveShortInvite(draft, 600, invite.signaling, { openSocket: sockets([], cert.cert) });
    expect(left.stored.map((s) => s.url)).toEqual([signaling]);

    const typed = typedServerAddress(signaling);
    expect(typed).toBe(`127.0.0.1:${server.port}`);
    const tried: string[] = [];
    const found = await lookUpShortInvite(left.code, serverCandidates(typed), Date.now(), { openSocket: sockets(tried) });
    expect(tried).toEqual([signaling, `ws://127.0.0.1:${server.port}`]);
    expect(found).toEqual({ ok: true, invite, server: `ws://127.0.0.1:${server.port}` });
    expect(found.ok && found.invite.certificate).toBe(sha256);
  });
});
