// The window security policy, item by item against Electron's security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security):
//  1 Only load secure content: the UI comes from the privileged `app:` scheme (appProtocol.ts);
//    links to the web open in the system browser, never inside the app.
//  2 No Node.js integration for remote content: nodeIntegration (and in workers and subframes) off.
//  3 Context isolation: on.
//  4 Process sandboxing: `sandbox: true` here and `app.enableSandbox()` in index.ts.
//  5 Session permission requests: permissions.ts denies by default (request and check handlers).
//  6 webSecurity: left on.
//  7 Content-Security-Policy: contentSecurityPolicy.ts, sent by the protocol handler and the session.
//  8 allowRunningInsecureContent: off.
//  9 Experimental features: off.
// 10 enableBlinkFeatures: not used.
// 11, 12 <webview>: webviewTag off and every attach refused (will-attach-webview).
// 13 Navigation: every will-navigate / will-frame-navigate / will-redirect is prevented; an
//    http(s) target goes to the system browser instead.
// 14 New windows: setWindowOpenHandler denies all; http(s) targets go to the system browser.
// 15 shell.openExternal: only with a parsed http(s) URL (externalLinks.ts).
// 16 Current Electron: the version pinned in package.json (45); updates ship with the app.
// 17 IPC senders: ipc.ts checks the frame (top frame, own window, app origin) on every call.
// 18 file:// avoided: the custom `app:` protocol serves the bundle, with path checks.
// 19 Fuses: flipped at package time by scripts/afterPack.cjs (run-as-node, NODE_OPTIONS and
//    --inspect off, asar integrity validation and only-load-from-asar on, cookie encryption on).
// 20 Electron APIs not exposed to web content: the preload exposes only the contract's bridge.
import { openExternalUrl } from './externalLinks';

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click would open links through a path that bypasses setWindowOpenHandler on old versions.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents the navigation policy is installed on. */
export interface NavigableContentsLike {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): this;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * The app is a single page that never navigates, so every navigation is refused. A link to
 * the web is what the user meant to follow, so it goes to the system browser after its check.
 */
export function installNavigationPolicy(contents: NavigableContentsLike, openExternal: OpenExternal, log: (message: string) => void = () => {}): void {
  const refuse = (event: PreventableEvent, url: string) => {
    event.preventDefault();
    void openExternalUrl(url, openExternal).then(
      (opened) => opened || log(`refused navigation to ${url.slice(0, 200)}`),
      () => log(`could not open ${url.slice(0, 200)}`),
    );
  };
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalUrl(url, openExternal).catch(() => log(`could not open ${url.slice(0, 200)}`));
    return { action: 'deny' };
  });
}
