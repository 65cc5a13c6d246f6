// A peer whose page runs a script of our own instead of the app: the script (a .ts file beside
// the test) is bundled with esbuild once and evaluated in a page of the app's own origin
// (loopback, a secure context: WebRTC, WebCrypto and Chromium's local network checks all accept
// it; a route-fulfilled page counts as public and is refused). The hostile and forging peers use it.
import { build } from 'esbuild';
import { launchPeer, type Peer } from './roomHarness';

const bundles = new Map<string, Promise<string>>();

function bundle(entry: string): Promise<string> {
  let script = bundles.get(entry);
  if (!script) {
    script = build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' }).then(
      (r) => r.outputFiles[0]?.text ?? '',
    );
    bundles.set(entry, script);
  }
  return script;
}

/** Launches a peer, loads the app's origin on a fresh profile, and runs `entry` there until it sets `globalName`. */
export async function launchScriptedPeer(entry: string, globalName: string): Promise<Peer> {
  const peer = await launchPeer();
  const script = await bundle(entry);
  await peer.page.goto('./');
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await peer.page.evaluate(script);
  await peer.page.waitForFunction((name) => name in globalThis, globalName);
  return peer;
}
