// A hostile peer in its own Chromium: hostilePeerPage.ts bundled with esbuild and evaluated in a
// page of the app's own origin (loopback, a secure context: WebRTC, WebCrypto and Chromium's
// local network checks all accept it; a route-fulfilled page counts as public and is refused).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { HostileMessage } from './hostilePeerPage';
import { launchPeer, type Peer } from './roomHarness';

export type { HostileMessage };

let bundle: Promise<string> | null = null;
function hostileScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./hostilePeerPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bundle;
}

export interface HostilePeer extends Peer {
  connect(invite: { workshopId: string; secret: string; signaling: readonly string[] }): Promise<void>;
  connectedPeers(): Promise<number>;
  send(kind: HostileMessage): Promise<number>;
}

export async function launchHostilePeer(): Promise<HostilePeer> {
  const peer = await launchPeer();
  const page: Page = peer.page;
  const script = await hostileScript();
  // A fresh profile: the app only asks for a name and opens no room of its own.
  await page.goto('./');
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(script);
  await page.waitForFunction(() => 'hostile' in globalThis);
  return {
    ...peer,
    connect: (invite) =>
      page.evaluate(
        ({ w, s, sig }) => (globalThis as unknown as { hostile: { connect(a: string, b: string, c: string[]): Promise<void> } }).hostile.connect(w, s, sig),
        { w: invite.workshopId, s: invite.secret, sig: [...invite.signaling] },
      ),
    connectedPeers: () => page.evaluate(() => (globalThis as unknown as { hostile: { connectedPeers(): number } }).hostile.connectedPeers()),
    send: (kind) => page.evaluate((k) => (globalThis as unknown as { hostile: { send(k: HostileMessage): number } }).hostile.send(k), kind),
  };
}
