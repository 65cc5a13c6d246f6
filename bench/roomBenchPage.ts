// Runs in each benchmark browser page (bundled by roomBench.ts): a room peer built from the
// app's own room code (openRoom with the message guard, the board operations), without React,
// so many peers fit in one machine. Times are absolute (timeOrigin + now), comparable across
// pages of one machine.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { addCard, cardAt, cardFields, cardsMap, editField, type SectionId } from '../shared/board';
import { toRtcConfiguration, type IceSettings } from '../shared/room';
import { openRoom, type RoomConnection } from '../renderer/src/features/room/roomConnection';

const now = (): number => performance.timeOrigin + performance.now();
const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

let doc = new Y.Doc();
let room: RoomConnection | null = null;
const seen = new Map<string, number>();
const echo = new Map<RTCDataChannel, true>();
let pingReply: ((t: number) => void) | null = null;

function title(id: string): string | undefined {
  const card = cardAt(doc, id);
  const fields = card ? cardFields(card) : null;
  const value = fields?.get('title');
  return typeof value === 'string' ? value : undefined;
}

const api = {
  async open(workshopId: string, secret: string, signaling: string[], ice: IceSettings): Promise<void> {
    doc = new Y.Doc();
    // Records when each title value first became visible here: applied, then one frame.
    doc.on('update', () => {
      cardsMap(doc).forEach((_card, id) => {
        const t = title(id);
        if (t && !seen.has(t)) {
          seen.set(t, -1);
          void frame().then(() => seen.set(t, now()));
        }
      });
    });
    room = await openRoom(doc, new Awareness(doc), { workshopId, secret, signaling, rtcConfig: toRtcConfiguration(ice) as RTCConfiguration }, { doc, docBytes: () => 0 });
  },
  connected(): number {
    return room?.peerConnections().filter((c) => c.connected).length ?? 0;
  },
  /** Each link's state, for a report on a mesh that did not complete. */
  linkStates(): string[] {
    return (room?.peerConnections() ?? []).map((c) => `${c.connected ? 'up' : 'down'}/${c.pc?.signalingState ?? 'no-pc'}/${c.pc?.iceConnectionState ?? '-'}`);
  },
  links(): string[] {
    return room?.status.getState().peers.map((p) => p.link) ?? [];
  },
  /** A second, negotiated data channel on each connection: raw bytes, echoed back. */
  rawChannels(): number {
    let opened = 0;
    for (const c of room?.peerConnections() ?? []) {
      if (!c.pc || !c.connected) continue;
      const ch = c.pc.createDataChannel('bench-raw', { negotiated: true, id: 900 });
      ch.binaryType = 'arraybuffer';
      ch.onmessage = (e: MessageEvent<ArrayBuffer>) => {
        const bytes = new Uint8Array(e.data);
        if (bytes[0] === 1) {
          bytes[0] = 2;
          ch.send(bytes);
        } else pingReply?.(now());
      };
      echo.set(ch, true);
      opened++;
    }
    return opened;
  },
  async rawPing(count: number): Promise<number[]> {
    const [ch] = [...echo.keys()];
    if (!ch) return [];
    while (ch.readyState !== 'open') await new Promise((r) => setTimeout(r, 10));
    const rtts: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = now();
      const got = new Promise<number>((r) => (pingReply = r));
      // The size of a typical single-field edit message.
      const bytes = new Uint8Array(64);
      bytes[0] = 1;
      ch.send(bytes);
      rtts.push((await got) - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    return rtts;
  },
  addCard(text: string, section: SectionId = 'goals'): { id: string; at: number } {
    const at = now();
    const id = addCard(doc, { section, fields: { title: text }, author: { name: 'Bench', side: 'IT' }, status: 'proposed' }, Date.now(), 'bench');
    return { id, at };
  },
  edit(id: string, text: string): number {
    const at = now();
    editField(doc, id, 'title', text, 'bench');
    return at;
  },
  /** When `text` became visible here (absolute ms), or null if not yet. */
  seenAt(text: string): number | null {
    const t = seen.get(text);
    return t === undefined || t < 0 ? null : t;
  },
  cardCount(): number {
    return cardsMap(doc).size;
  },
};

(globalThis as unknown as { roomBench: typeof api }).roomBench = api;
