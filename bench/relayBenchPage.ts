// Runs in each browser of the relay benchmark (bundled by roomRelayBench.ts): the app's room
// layer (openRoom: y-webrtc behind the peer guard, and the relay) with a mesh size, no React.
// Records when the board first held each number of cards. Times are absolute (timeOrigin + now).
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { addCard, cardsMap } from '../shared/board';
import { openRoom, type RoomConnection } from '../renderer/src/features/room/roomConnection';

const now = (): number => performance.timeOrigin + performance.now();

let doc = new Y.Doc();
let room: RoomConnection | null = null;
let reached = new Map<number, number>();

const api = {
  async open(workshopId: string, secret: string, signaling: string[], meshSize: number): Promise<void> {
    room?.close();
    doc = new Y.Doc();
    reached = new Map();
    doc.on('update', () => {
      const count = cardsMap(doc).size;
      if (!reached.has(count)) reached.set(count, now());
    });
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'bench browser' } });
    room = await openRoom(doc, awareness, { workshopId, secret, signaling, rtcConfig: {}, meshSize }, { doc, docBytes: () => 0 });
  },
  synced: (): boolean => doc.getMap('meta').size > 0,
  cards: (): number => cardsMap(doc).size,
  reachedAt: (count: number): number | null => reached.get(count) ?? null,
  addCard(title: string): number {
    addCard(doc, { section: 'goals', fields: { title }, author: { name: 'Browser', side: 'OT' } }, Date.now());
    return now();
  },
  links: (): string[] => room?.status.getState().peers.map((p) => p.link) ?? [],
  relayCounts: () => room?.relayCounts() ?? null,
  close(): void {
    room?.close();
    room = null;
  },
};

(globalThis as unknown as { relayBench: typeof api }).relayBench = api;
