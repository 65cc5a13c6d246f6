// Test helper: a stand-in for WebRTC (simple-peer's `wrtc` option) so stock y-webrtc peers run in
// Node. An offer or answer names a TCP port on 127.0.0.1; once both descriptions are set, the
// offerer connects to the answerer and the "data channel" is length-prefixed frames over that
// socket. Everything simple-peer reads (states, events, getStats) is mimicked; only the signaling
// that produced the descriptions is real, and that is what these tests exercise.
import { createServer, connect, type Server, type Socket } from 'node:net';

type Handler<E> = ((event: E) => void) | null;

class FakeDataChannel {
  readyState: 'connecting' | 'open' | 'closed' = 'connecting';
  binaryType = 'arraybuffer';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  socket: Socket | undefined;
  onopen: Handler<unknown> = null;
  onclose: Handler<unknown> = null;
  onerror: Handler<unknown> = null;
  onmessage: Handler<{ data: ArrayBuffer | string }> = null;
  onbufferedamountlow: Handler<unknown> = null;
  constructor(readonly label: string) {}

  attach(socket: Socket): void {
    this.socket = socket;
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 5) {
        const length = pending.readUInt32BE(1);
        if (pending.length < 5 + length) break;
        const body = pending.subarray(5, 5 + length);
        const data = pending[0] === 1 ? body.toString('utf8') : body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
        pending = pending.subarray(5 + length);
        if (this.readyState === 'open') this.onmessage?.({ data });
      }
    });
    socket.on('close', () => this.close());
    socket.on('error', () => {});
    this.readyState = 'open';
    this.onopen?.({});
  }

  send(data: string | ArrayBufferView | ArrayBuffer): void {
    if (this.readyState !== 'open' || !this.socket) throw new Error('channel not open');
    const text = typeof data === 'string';
    const body = text ? Buffer.from(data) : data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const header = Buffer.alloc(5);
    header[0] = text ? 1 : 0;
    header.writeUInt32BE(body.length, 1);
    this.socket.write(Buffer.concat([header, body]));
  }

  close(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.socket?.destroy();
    this.onclose?.({});
  }
}

interface Description {
  type: 'offer' | 'answer';
  sdp: string;
}

class FakePeerConnection {
  iceConnectionState = 'new';
  iceGatheringState = 'new';
  connectionState = 'new';
  signalingState = 'stable';
  localDescription: Description | null = null;
  remoteDescription: Description | null = null;
  private channel: FakeDataChannel | undefined;
  private server: Server | undefined;
  private port = 0;
  private linking = false;
  private closed = false;
  oniceconnectionstatechange: Handler<unknown> = null;
  onicegatheringstatechange: Handler<unknown> = null;
  onconnectionstatechange: Handler<unknown> = null;
  onsignalingstatechange: Handler<unknown> = null;
  onicecandidate: Handler<{ candidate: unknown }> = null;
  ondatachannel: Handler<{ channel: FakeDataChannel }> = null;
  ontrack: Handler<unknown> = null;

  createDataChannel(label: string): FakeDataChannel {
    this.channel = new FakeDataChannel(label);
    return this.channel;
  }

  private async listen(): Promise<number> {
    if (this.server) return this.port;
    const server = createServer((socket) => this.connected(socket));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  async createOffer(): Promise<Description> {
    return { type: 'offer', sdp: `fake ${await this.listen()}` };
  }

  async createAnswer(): Promise<Description> {
    return { type: 'answer', sdp: `fake ${await this.listen()}` };
  }

  private setSignaling(state: string): void {
    this.signalingState = state;
    this.onsignalingstatechange?.({});
  }

  setLocalDescription(d: Description): Promise<void> {
    this.localDescription = { type: d.type, sdp: d.sdp };
    this.setSignaling(d.type === 'offer' ? 'have-local-offer' : 'stable');
    // One host candidate, then the end of gathering, as a browser on a loopback-only network does.
    setTimeout(() => {
      if (this.closed) return;
      this.onicecandidate?.({ candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMLineIndex: 0, sdpMid: '0' } });
      this.iceGatheringState = 'complete';
      this.onicegatheringstatechange?.({});
      this.onicecandidate?.({ candidate: null });
    }, 0);
    this.maybeLink();
    return Promise.resolve();
  }

  setRemoteDescription(d: Description): Promise<void> {
    if (!/^fake \d+$/.test(d.sdp)) return Promise.reject(new Error('not a fake description'));
    this.remoteDescription = { type: d.type, sdp: d.sdp };
    this.setSignaling(d.type === 'offer' ? 'have-remote-offer' : 'stable');
    this.maybeLink();
    return Promise.resolve();
  }

  addIceCandidate(): Promise<void> {
    return Promise.resolve();
  }

  getStats(): Promise<Map<string, Record<string, unknown>>> {
    return Promise.resolve(new Map<string, Record<string, unknown>>([
      ['t', { id: 't', type: 'transport', selectedCandidatePairId: 'cp' }],
      ['cp', { id: 'cp', type: 'candidate-pair', localCandidateId: 'l', remoteCandidateId: 'r', state: 'succeeded', currentRoundTripTime: 0.001 }],
      ['l', { id: 'l', type: 'local-candidate', address: '127.0.0.1', port: 9, candidateType: 'host' }],
      ['r', { id: 'r', type: 'remote-candidate', address: '127.0.0.1', port: 9, candidateType: 'host' }],
    ]));
  }

  close(): void {
    this.closed = true;
    this.channel?.close();
    this.server?.close();
    this.iceConnectionState = 'closed';
    this.connectionState = 'closed';
  }

  /** The offerer dials the answerer once both sides' descriptions are known. */
  private maybeLink(): void {
    if (this.linking || this.localDescription?.type !== 'offer' || this.remoteDescription?.type !== 'answer') return;
    this.linking = true;
    const socket = connect(Number(this.remoteDescription.sdp.slice(5)), '127.0.0.1', () => this.connected(socket));
    socket.on('error', () => {});
  }

  private connected(socket: Socket): void {
    if (this.closed || this.iceConnectionState === 'connected') {
      socket.destroy();
      return;
    }
    let channel = this.channel;
    if (!channel) {
      channel = new FakeDataChannel('data');
      this.channel = channel;
      this.ondatachannel?.({ channel });
    }
    this.iceConnectionState = 'connected';
    this.connectionState = 'connected';
    this.oniceconnectionstatechange?.({});
    this.onconnectionstatechange?.({});
    channel.attach(socket);
  }
}

class FakeSessionDescription {
  readonly type: 'offer' | 'answer';
  readonly sdp: string;
  constructor(init: Description) {
    this.type = init.type;
    this.sdp = init.sdp;
  }
}

class FakeIceCandidate {
  constructor(readonly init: unknown) {}
}

export const fakeWrtc = {
  RTCPeerConnection: FakePeerConnection,
  RTCSessionDescription: FakeSessionDescription,
  RTCIceCandidate: FakeIceCandidate,
};
