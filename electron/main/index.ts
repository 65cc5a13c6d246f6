// The main process entry: composition only. Each concern lives in its own module; this file
// wires them to the real Electron objects in the order Electron requires.
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { registerAppScheme, serveApp } from './appProtocol';
import { installSecurityHeaders } from './contentSecurityPolicy';
import { createFileService } from './fileDialogs';
import { createHandlers } from './handlers';
import { IdentityStore, createIdentityService, fromElectron, identityFilePath, nativeReplaceConfirmation } from './identity';
import { registerIpc } from './ipc';
import { installPermissionPolicy } from './permissions';
import { installNavigationPolicy } from './security';
import { createLanSignalingService } from './signaling/lanSignalingService';
import { CertificatePins } from './tls/certificatePins';
import { CertificateStore } from './tls/certificateStore';
import { installCertificatePins } from './tls/installCertificatePins';
import { safeStorageProtection } from './tls/keyProtection';
import { createCertificateChoice } from './webHost/certificateChoice';
import { APP_ENTRY_URL } from './appOrigin';
import { INVITE_PROTOCOL, joinRouteFrom, joinRouteInArgv } from './inviteLinks';
import { OpenedFiles } from './openedFiles';
import { claimSingleInstance } from './singleInstance';
import { MAX_FILE_BYTES } from '../../shared/protocol';
import { WorkshopStore } from './storage/workshopStore';
import { VaultStore } from './vault/vaultStore';
import { WindowManager } from './window';

const log = (message: string, error?: unknown) => console.error(`[bridgeboard] ${message}`, error ?? '');

app.enableSandbox();
registerAppScheme(protocol);
// The scanner cannot see through the options object: WindowManager always passes
// secureWebPreferences() (security.ts): context isolation and sandbox on, Auxclick disabled.
const windows = new WindowManager((options) => new BrowserWindow(options), join(__dirname, 'preload.cjs')); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK

// An invite link that launched the app, or arrived before its window: shown once it opens.
let pendingInvite = joinRouteInArgv(process.argv);
const openInvite = (route: string | null): void => {
  if (route === null) return;
  const window = windows.mainWindow;
  if (window === null) pendingInvite = route;
  else void window.loadURL(`${APP_ENTRY_URL}${route}`);
};

// Workshop files the OS opens with the app (openedFiles.ts): from the first launch's arguments
// here, a second launch's below, and macOS's open-file; the renderer takes and imports them.
const openedFiles = new OpenedFiles({ maxBytes: MAX_FILE_BYTES, onQueued: () => windows.reveal() });

if (claimSingleInstance(app, (argv, workingDirectory) => {
  windows.reveal();
  openInvite(joinRouteInArgv(argv));
  openedFiles.addFromArgv(argv, workingDirectory ?? process.cwd());
})) {
  openedFiles.addFromArgv(process.argv.slice(1), process.cwd());
  // macOS: fires before 'ready' for the file that launched the app, so it is listened for here,
  // at once; preventDefault tells macOS the app handles the file.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openedFiles.add(path, process.cwd());
  });
  // bridgeboard://join?invite=… opens this app's join page (installers register the scheme too).
  // Reviewed for the scanner: a link is reduced to an invite code by joinRouteFrom (letters,
  // digits, dashes) and only ever loads our own join route; nothing else is read from it.
  app.setAsDefaultProtocolClient(INVITE_PROTOCOL); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openInvite(joinRouteFrom(url));
  });
  // installNavigationPolicy hands shell.openExternal only URLs that passed parseExternalUrl (http(s), no credentials).
  app.on('web-contents-created', (_event, contents) => installNavigationPolicy(contents, (url) => shell.openExternal(url), log)); // eng-disable OPEN_EXTERNAL_JS_CHECK
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    installPermissionPolicy(session.defaultSession);
    installSecurityHeaders(session.defaultSession);
    // Self-signed room certificates are trusted only as pinned: by an invite, or our own.
    const pins = new CertificatePins();
    installCertificatePins(session.defaultSession, pins);
    const rendererRoot = join(__dirname, '..', 'dist', 'renderer');
    serveApp(protocol, rendererRoot);
    const store = await WorkshopStore.create(join(app.getPath('userData'), 'workshops'));
    // Room secrets, pinned keys and ballots, encrypted like the signing key (vault/vaultStore.ts).
    const vault = new VaultStore(join(app.getPath('userData'), 'vault'), fromElectron(safeStorage));
    await vault.prune(new Set((await store.list()).map((w) => w.id)));
    const files = createFileService({
      // Modal to the main window when there is one, so the dialog cannot get lost behind it.
      showSaveDialog: (options) => (windows.mainWindow ? dialog.showSaveDialog(windows.mainWindow, options) : dialog.showSaveDialog(options)),
      showOpenDialog: (options) => (windows.mainWindow ? dialog.showOpenDialog(windows.mainWindow, options) : dialog.showOpenDialog(options)),
    });
    // One signing key per device; the profile is fixed until the app has several local profiles.
    // Replacing the key is confirmed here in main, in a native dialog the page cannot answer.
    const confirmReplace = nativeReplaceConfirmation((options) => (windows.mainWindow ? dialog.showMessageBox(windows.mainWindow, options) : dialog.showMessageBox(options)));
    const identity = createIdentityService(new IdentityStore({ filePath: identityFilePath(app.getPath('userData'), 'default'), safeStorage: fromElectron(safeStorage) }), { confirmReplace });
    // Started only when the facilitator opens a room on an address they pick: the same renderer
    // build for browsers over HTTPS, signaling over WSS, with this device's certificate (its key
    // encrypted like the identity key, tls/certificateStore.ts).
    const certificates = new CertificateStore({ dir: join(app.getPath('userData'), 'tls'), protection: safeStorageProtection(fromElectron(safeStorage)) });
    const signaling = createLanSignalingService({
      networkInterfaces,
      web: { webRoot: rendererRoot, certificates, onCertificate: (hosts, info) => hosts.forEach((host) => pins.trust(host, info.sha256)) },
    });
    const certificateChoice = createCertificateChoice(certificates, async () => {
      const options = { title: 'The room’s certificate and private key (PEM)', properties: ['openFile' as const, 'multiSelections' as const], filters: [{ name: 'PEM certificate and key', extensions: ['pem', 'crt', 'cer', 'key'] }] };
      const picked = await (windows.mainWindow ? dialog.showOpenDialog(windows.mainWindow, options) : dialog.showOpenDialog(options));
      return picked.canceled ? null : picked.filePaths;
    });
    // The shell:openExternal handler calls this only with URLs that passed parseExternalUrl.
    registerIpc(ipcMain, createHandlers({ store, vault, files, identity, signaling, signalingTls: { choice: certificateChoice, pins }, openedFiles, openExternal: (url) => shell.openExternal(url) }), { // eng-disable OPEN_EXTERNAL_JS_CHECK
      isOwnWebContents: windows.isOwnWebContents,
      log,
    });
    app.on('before-quit', (event) => {
      // Compaction on quit: hold the quit until every open workshop is closed cleanly.
      event.preventDefault();
      app.removeAllListeners('before-quit');
      // Bounded, so a stuck disk cannot keep the app from quitting; the logs are durable anyway.
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
      // The LAN signaling server closes with the app, so its port is free for the next start.
      void Promise.race([Promise.all([store.closeAll(), signaling.stop()]), timeout]).finally(() => app.quit());
    });
    await windows.openMain(`${APP_ENTRY_URL}${pendingInvite ?? ''}`);
    pendingInvite = null;
  }).catch((error: unknown) => {
    // Without storage or a window there is nothing useful to show; say why instead of hanging.
    log('startup failed', error);
    dialog.showErrorBox('Bridgeboard could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}
