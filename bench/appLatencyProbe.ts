// Runs in every app window of the app latency benchmark (bundled by appLatencyBench.ts and
// added as an init script, so it runs before the app and needs no eval under the app's CSP).
// It only watches and times: when Enter is pressed, when a card title first shows in a frame,
// and a raw RTCDataChannel between two windows for the floor. Times are absolute
// (timeOrigin + now), so pages of one machine compare; the bench also checks each page's clock.
const now = (): number => performance.timeOrigin + performance.now();

let enterAt = 0;
let expected: string | null = null;
let seenAt: number | null = null;
let onSeen: (() => void) | null = null;
let observer: MutationObserver | null = null;
/** When the first data-channel message arrived after `watch()`, and when the DOM first held the text. */
let arrivedAt: number | null = null;
let domAt: number | null = null;
let sentAt: number | null = null;

// Every data channel the app opens: its first message after watch() marks the arrival.
const onMessage = (): void => {
  if (expected !== null && arrivedAt === null) arrivedAt = now();
};
const send = RTCDataChannel.prototype.send;
RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
  if (expected !== null && sentAt === null && this.label !== 'floor') sentAt = now();
  send.call(this, data);
} as RTCDataChannel['send'];
const createDataChannel = RTCPeerConnection.prototype.createDataChannel;
RTCPeerConnection.prototype.createDataChannel = function (this: RTCPeerConnection, ...args: Parameters<RTCPeerConnection['createDataChannel']>) {
  const channel = createDataChannel.apply(this, args);
  channel.addEventListener('message', onMessage);
  return channel;
};
const NativePeerConnection = RTCPeerConnection;
window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(config?: RTCConfiguration) {
    super(config);
    this.addEventListener('datachannel', (e) => e.channel.addEventListener('message', onMessage));
  }
};

// The key press that saves an edit: captured before the app's own handlers run.
window.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Enter') enterAt = performance.timeOrigin + event.timeStamp;
  },
  true,
);

function titleShown(text: string): boolean {
  for (const el of document.querySelectorAll('[data-testid="card"] .card-title')) if (el.textContent === text) return true;
  return false;
}

function check(): void {
  if (expected === null || seenAt !== null || !titleShown(expected)) return;
  expected = null;
  domAt = now();
  // The frame that shows it: the next animation frame after the DOM holds the text.
  requestAnimationFrame(() => {
    seenAt = now();
    onSeen?.();
  });
}

let floorPc: RTCPeerConnection | null = null;
let floorChannel: RTCDataChannel | null = null;
let pingReply: ((t: number) => void) | null = null;

async function gathered(pc: RTCPeerConnection): Promise<RTCSessionDescriptionInit> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      const done = () => {
        if (pc.iceGatheringState === 'complete') resolve();
      };
      pc.addEventListener('icegatheringstatechange', done);
      setTimeout(resolve, 3000);
    });
  }
  const d = pc.localDescription;
  if (!d) throw new Error('no local description');
  return { type: d.type, sdp: d.sdp };
}

function wire(channel: RTCDataChannel): void {
  channel.binaryType = 'arraybuffer';
  channel.onmessage = (e: MessageEvent<ArrayBuffer>) => {
    const bytes = new Uint8Array(e.data);
    if (bytes[0] === 1) {
      bytes[0] = 2;
      channel.send(bytes);
    } else pingReply?.(now());
  };
  floorChannel = channel;
}

const probe = {
  clock: now,
  /** Starts watching for a card titled `text`; `seen()` then resolves when it is painted. */
  watch(text: string): void {
    expected = text;
    seenAt = null;
    arrivedAt = null;
    domAt = null;
    sentAt = null;
    if (!observer) {
      observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    }
    check();
  },
  /** When the watched title was first painted here (absolute ms), or null after `timeoutMs`. */
  seen(timeoutMs: number): Promise<number | null> {
    if (seenAt !== null) return Promise.resolve(seenAt);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        onSeen = null;
        resolve(null);
      }, timeoutMs);
      onSeen = () => {
        clearTimeout(timer);
        onSeen = null;
        resolve(seenAt);
      };
    });
  },
  /** Where the time went: first message in, DOM holds the title (absolute ms, null if not seen). */
  steps: () => ({ arrivedAt, domAt, sentAt }),
  /** The last Enter key press in this window (absolute ms). */
  enterAt: () => enterAt,
  /** The floor: a plain data channel with no app code on it, signalled by the benchmark. */
  async floorOffer(): Promise<RTCSessionDescriptionInit> {
    floorPc = new RTCPeerConnection();
    wire(floorPc.createDataChannel('floor', { ordered: true }));
    await floorPc.setLocalDescription(await floorPc.createOffer());
    return gathered(floorPc);
  },
  async floorAnswer(offer: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
    floorPc = new RTCPeerConnection();
    floorPc.ondatachannel = (e) => wire(e.channel);
    await floorPc.setRemoteDescription(offer);
    await floorPc.setLocalDescription(await floorPc.createAnswer());
    return gathered(floorPc);
  },
  async floorAccept(answer: RTCSessionDescriptionInit): Promise<void> {
    await floorPc?.setRemoteDescription(answer);
  },
  /** Round trips of a 64-byte message (the size of a one-field edit) on the floor channel. */
  async floorPing(count: number): Promise<number[]> {
    const started = now();
    while (floorChannel?.readyState !== 'open') {
      if (now() - started > 10_000) return [];
      await new Promise((r) => setTimeout(r, 10));
    }
    const channel = floorChannel;
    const rtts: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = now();
      const got = new Promise<number>((r) => (pingReply = r));
      const bytes = new Uint8Array(64);
      bytes[0] = 1;
      channel.send(bytes);
      rtts.push((await got) - start);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 17));
    }
    return rtts;
  },
  floorClose(): void {
    floorPc?.close();
    floorPc = null;
    floorChannel = null;
  },
};

(globalThis as unknown as { bbLatency: typeof probe }).bbLatency = probe;
