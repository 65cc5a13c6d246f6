// A forging participant in its own Chromium: forgerPage.ts run in a page of the app's origin
// (room/scriptedPeer.ts, as the room tests' hostile peer is), driven from the test.
import { fileURLToPath } from 'node:url';
import type { Peer } from '../room/roomHarness';
import { launchScriptedPeer } from '../room/scriptedPeer';
import type { Forgery } from './forgerPage';

export type { Forgery };

export interface ForgerPeer extends Peer {
  connect(invite: { workshopId: string; secret: string; signaling: readonly string[] }): Promise<void>;
  phaseChanges(): Promise<number>;
  forge(kind: Forgery): Promise<void>;
  forgeBallot(voterName: string, cardTitle: string): Promise<void>;
}

interface ForgerApi {
  connect(w: string, s: string, sig: string[]): Promise<void>;
  phaseChanges(): number;
  forge(kind: Forgery): Promise<void>;
  forgeBallot(voterName: string, cardId: string): Promise<void>;
  cardId(title: string): string | null;
}
type WithForger = { forger: ForgerApi };

export async function launchForger(): Promise<ForgerPeer> {
  const peer = await launchScriptedPeer(fileURLToPath(new URL('./forgerPage.ts', import.meta.url)), 'forger');
  return {
    ...peer,
    // Each callback runs in the page, so it names the page's global itself.
    connect: (invite) =>
      peer.page.evaluate(({ w, s, sig }) => (globalThis as unknown as WithForger).forger.connect(w, s, sig), { w: invite.workshopId, s: invite.secret, sig: [...invite.signaling] }),
    phaseChanges: () => peer.page.evaluate(() => (globalThis as unknown as WithForger).forger.phaseChanges()),
    forge: (kind) => peer.page.evaluate((k) => (globalThis as unknown as WithForger).forger.forge(k), kind),
    forgeBallot: async (voterName, cardTitle) => {
      const cardId = await peer.page.evaluate((t) => (globalThis as unknown as WithForger).forger.cardId(t), cardTitle);
      if (!cardId) throw new Error(`no card titled ${cardTitle} has synced to the forger`);
      await peer.page.evaluate(({ v, c }) => (globalThis as unknown as WithForger).forger.forgeBallot(v, c), { v: voterName, c: cardId });
    },
  };
}
