// A hostile peer in its own Chromium: hostilePeerPage.ts run in a page of the app's own origin
// (scriptedPeer.ts), driven from the test.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { HostileChange, HostileMessage } from './hostilePeerPage';
import type { Peer } from './roomHarness';
import { launchScriptedPeer } from './scriptedPeer';

export type { HostileChange, HostileMessage };

export interface HostilePeer extends Peer {
  connect(invite: { workshopId: string; secret: string; signaling: readonly string[] }): Promise<void>;
  connectedPeers(): Promise<number>;
  send(kind: HostileMessage): Promise<number>;
  cardCount(): Promise<number>;
  change(kind: HostileChange): Promise<number>;
  sendTo(name: string, kind: HostileMessage): Promise<boolean>;
  addCard(title: string): Promise<void>;
}

export async function launchHostilePeer(): Promise<HostilePeer> {
  // A fresh profile: the app only asks for a name and opens no room of its own.
  const peer = await launchScriptedPeer(fileURLToPath(new URL('./hostilePeerPage.ts', import.meta.url)), 'hostile');
  const page: Page = peer.page;
  return {
    ...peer,
    connect: (invite) =>
      page.evaluate(
        ({ w, s, sig }) => (globalThis as unknown as { hostile: { connect(a: string, b: string, c: string[]): Promise<void> } }).hostile.connect(w, s, sig),
        { w: invite.workshopId, s: invite.secret, sig: [...invite.signaling] },
      ),
    connectedPeers: () => page.evaluate(() => (globalThis as unknown as { hostile: { connectedPeers(): number } }).hostile.connectedPeers()),
    send: (kind) => page.evaluate((k) => (globalThis as unknown as { hostile: { send(k: HostileMessage): number } }).hostile.send(k), kind),
    cardCount: () => page.evaluate(() => (globalThis as unknown as { hostile: { cardCount(): number } }).hostile.cardCount()),
    change: (kind) => page.evaluate((k) => (globalThis as unknown as { hostile: { change(k: HostileChange): number } }).hostile.change(k), kind),
    sendTo: (name, kind) =>
      page.evaluate(({ n, k }) => (globalThis as unknown as { hostile: { sendTo(n: string, k: HostileMessage): boolean } }).hostile.sendTo(n, k), { n: name, k: kind }),
    addCard: (title) => page.evaluate((t) => (globalThis as unknown as { hostile: { addCard(t: string): void } }).hostile.addCard(t), title),
  };
}
