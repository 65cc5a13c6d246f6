// The coturn test fixture starts, serves STUN and authenticated TURN on 127.0.0.1, and stops.
import { createSocket } from 'node:dgram';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTurnServer, turnServerUnavailable } from '../../support/turnServer';
import { parseIceSettings, toRtcConfiguration } from '../../../shared/room';

const unavailable = turnServerUnavailable();

/** A minimal STUN/TURN client: enough to prove an Allocate with long-term credentials succeeds. */
function stunMessage(type: number, attrs: [number, Buffer][], key?: Buffer): Buffer {
  const id = randomBytes(12);
  const body = (extra: number) => {
    const parts = attrs.map(([t, v]) => {
      const pad = Buffer.alloc((4 - (v.length % 4)) % 4);
      const h = Buffer.alloc(4);
      h.writeUInt16BE(t, 0);
      h.writeUInt16BE(v.length, 2);
      return Buffer.concat([h, v, pad]);
    });
    const payload = Buffer.concat(parts);
    const header = Buffer.alloc(20);
    header.writeUInt16BE(type, 0);
    header.writeUInt16BE(payload.length + extra, 2);
    header.writeUInt32BE(0x2112a442, 4);
    id.copy(header, 8);
    return Buffer.concat([header, payload]);
  };
  if (!key) return body(0);
  const withoutMac = body(24);
  const mac = createHmac('sha1', key).update(withoutMac).digest();
  const h = Buffer.alloc(4);
  h.writeUInt16BE(0x0008, 0);
  h.writeUInt16BE(20, 2);
  return Buffer.concat([withoutMac, h, mac]);
}

function readAttr(msg: Buffer, type: number): Buffer | undefined {
  let pos = 20;
  while (pos + 4 <= msg.length) {
    const t = msg.readUInt16BE(pos);
    const len = msg.readUInt16BE(pos + 2);
    if (t === type) return msg.subarray(pos + 4, pos + 4 + len);
    pos += 4 + len + ((4 - (len % 4)) % 4);
  }
  return undefined;
}

/** XOR-PEER-ADDRESS for an IPv4 address (RFC 8656 §14.3). */
function xorAddress(ip: string, port: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt8(0x01, 1);
  b.writeUInt16BE(port ^ 0x2112, 2);
  const addr = ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
  b.writeUInt32BE((addr ^ 0x2112a442) >>> 0, 4);
  return b;
}

/** One UDP socket for a whole conversation: coturn keys nonces and allocations by 5-tuple. */
function stunClient(port: number) {
  const sock = createSocket('udp4');
  return {
    socket: sock,
    exchange(msg: Buffer): Promise<Buffer> {
      return new Promise<Buffer>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no STUN answer')), 3_000);
        sock.once('message', (m) => {
          clearTimeout(t);
          resolve(m);
        });
        sock.send(msg, port, '127.0.0.1');
      });
    },
    close: () => sock.close(),
  };
}

describe.skipIf(unavailable !== undefined)(`coturn fixture${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('starts on 127.0.0.1, refuses a wrong password, relays to a loopback peer, and stops', async () => {
    const turn = await startTurnServer();
    const client = stunClient(turn.port);
    try {
      const transport = Buffer.from([17, 0, 0, 0]); // REQUESTED-TRANSPORT: UDP
      // First Allocate without credentials: the server answers 401 with realm and nonce.
      const challenge = await client.exchange(stunMessage(0x0003, [[0x0019, transport]]));
      expect(challenge.readUInt16BE(0)).toBe(0x0113);
      const nonce = readAttr(challenge, 0x0015) ?? Buffer.alloc(0);
      const allocate = (password: string) => {
        const key = createHash('md5').update(`${turn.username}:${turn.realm}:${password}`).digest();
        return stunMessage(0x0003, [[0x0019, transport], [0x0006, Buffer.from(turn.username)], [0x0014, Buffer.from(turn.realm)], [0x0015, nonce]], key);
      };
      const refused = await client.exchange(allocate('wrong'));
      expect(refused.readUInt16BE(0)).toBe(0x0113);
      const ok = await client.exchange(allocate(turn.credential));
      expect(ok.readUInt16BE(0)).toBe(0x0103); // Allocate success
      expect(readAttr(ok, 0x0016)).toBeDefined(); // XOR-RELAYED-ADDRESS

      // Relay to a peer on 127.0.0.1: coturn forbids this (403) unless loopback peers are allowed.
      const peer = createSocket('udp4');
      await new Promise<void>((r) => peer.bind(0, '127.0.0.1', () => r()));
      const peerPort = peer.address().port;
      const key = createHash('md5').update(`${turn.username}:${turn.realm}:${turn.credential}`).digest();
      const auth: [number, Buffer][] = [[0x0006, Buffer.from(turn.username)], [0x0014, Buffer.from(turn.realm)], [0x0015, nonce]];
      const permitted = await client.exchange(stunMessage(0x0008, [[0x0012, xorAddress('127.0.0.1', peerPort)], ...auth], key));
      expect(permitted.readUInt16BE(0)).toBe(0x0108); // CreatePermission success
      const arrived = new Promise<string>((resolve) => peer.once('message', (m) => resolve(m.toString())));
      client.socket.send(stunMessage(0x0016, [[0x0012, xorAddress('127.0.0.1', peerPort)], [0x0013, Buffer.from('relayed hello')]]), turn.port, '127.0.0.1');
      expect(await arrived).toBe('relayed hello');
      peer.close();

      const ice = parseIceSettings({ urls: [...turn.urls], username: turn.username, credential: turn.credential, relayOnly: true });
      expect(ice.ok && toRtcConfiguration(ice.value).iceTransportPolicy).toBe('relay');
    } finally {
      await turn.stop();
    }
    await expect(client.exchange(stunMessage(0x0001, []))).rejects.toThrow('no STUN answer');
    client.close();
  });
});

describe('coturn availability', () => {
  it('explains why when the binary is missing', () => {
    expect(turnServerUnavailable('/nonexistent/turnserver')).toMatch(/not runnable \(ENOENT\)/);
  });
});
