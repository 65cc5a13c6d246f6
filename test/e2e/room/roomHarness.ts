// Drives rooms end to end: a real signaling server in the test process, and one separate
// Chromium per participant (pages of one context would share a BroadcastChannel and never use
// WebRTC), each with the flags that let WebRTC gather 127.0.0.1 candidates in a
// loopback-only network namespace.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../../electron/main/signaling/signalingServer';
import { openCardEditor, startApp } from '../fixtures/boardPage';

export const WEBRTC_ARGS = ['--allow-loopback-in-peer-connection', '--use-fake-ui-for-media-stream'];

export interface Person {
  readonly name: string;
  readonly side: 'IT' | 'OT' | 'facilitator';
  readonly role: string;
}

export interface Peer {
  readonly page: Page;
  readonly browser: Browser;
  readonly problems: string[];
  close(): Promise<void>;
}

export const FACILITATOR: Person = { name: 'Fiona Facilitator', side: 'facilitator', role: 'Facilitator' };
export const IT_PERSON: Person = { name: 'Ivan IT', side: 'IT', role: 'Network architect' };
export const OT_PERSON: Person = { name: 'Olga OT', side: 'OT', role: 'Control engineer' };

export function startSignaling(): Promise<SignalingServer> {
  return startSignalingServer({ host: '127.0.0.1', port: 0, statsIntervalMs: 0 });
}

function baseUrl(): string {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error('playwright.config.ts sets no baseURL');
  return url;
}

/** A fresh Chromium process with its own profile: one participant's machine. */
export async function launchPeer(): Promise<Peer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...WEBRTC_ARGS],
  });
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  // ROOM_DEBUG=1 echoes the pages' consoles, for diagnosing a failed connection.
  if (process.env.ROOM_DEBUG) page.on('console', (m) => console.log(`[peer ${browser.version()}] ${m.type()}: ${m.text()}`));
  if (process.env.ROOM_DEBUG) page.on('pageerror', (e) => console.log(`[peer] pageerror: ${e.stack ?? e.message}`));
  return { page, browser, problems, close: () => browser.close() };
}

interface Closable {
  close(): Promise<void>;
}

/** One spec file's room: a signaling server for the file, and every peer in it closed at the end. */
export interface RoomSuite {
  /** The running signaling server (started before the first test). */
  server(): SignalingServer;
  /** Launches a participant's browser that the suite closes after the last test. */
  peer(): Promise<Peer>;
  /** Hands browsers launched elsewhere (hostile or forging peers) to the suite to close. */
  track(...more: Closable[]): void;
  /** The participants launched through `peer()`, in launch order. */
  readonly peers: readonly Peer[];
}

/** On a failed test, each browser's screen and problems (separate browsers leave no Playwright
 * trace), and whatever `more` adds. */
export function attachPeersOnFailure(peers: readonly Peer[], more: () => Promise<void> = async () => {}): void {
  test.afterEach(async () => {
    const info = test.info();
    if (info.status === info.expectedStatus) return;
    for (const [i, p] of peers.entries()) {
      await p.page.screenshot({ path: info.outputPath(`peer-${i}.png`), fullPage: true }).catch(() => undefined);
      await info.attach(`peer-${i}-problems`, { body: p.problems.join('\n') });
    }
    await more();
  });
}

export function useRoomSuite(): RoomSuite {
  let server: SignalingServer | undefined;
  const peers: Peer[] = [];
  const others: Closable[] = [];
  test.beforeAll(async () => {
    server = await startSignaling();
  });
  test.afterAll(async () => {
    await Promise.all([...peers, ...others].map((p) => p.close()));
    await server?.close();
  });
  attachPeersOnFailure(peers);
  return {
    server() {
      if (!server) throw new Error('the signaling server has not started');
      return server;
    },
    async peer() {
      const p = await launchPeer();
      peers.push(p);
      return p;
    },
    track: (...more) => others.push(...more),
    peers,
  };
}

/**
 * `person` creates a workshop (so they facilitate it) and opens its room on `signalingUrl`;
 * returns the invite's web link and code. A browser that already has a profile keeps it.
 */
export async function hostWorkshop(
  page: Page,
  title: string,
  signalingUrl: string,
  ice?: { urls: string; username: string; credential: string; relayOnly: boolean },
  person: Person = FACILITATOR,
): Promise<{ webLink: string; code: string }> {
  if (person === FACILITATOR) await startApp(page, { name: person.name, side: person.side });
  else {
    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  }
  await page.getByLabel('New workshop title').fill(title);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByTestId('board-title')).toHaveText(title);
  await page.getByTestId('open-room').click();
  const dialog = page.getByTestId('open-room-dialog');
  await dialog.getByLabel('Signaling server address').fill(signalingUrl);
  if (ice) await fillIce(page, dialog, ice);
  await dialog.getByRole('button', { name: 'Open room' }).click();
  const invite = page.getByTestId('invite-dialog');
  await expect(invite).toBeVisible({ timeout: 20_000 });
  const webLink = await invite.getByTestId('invite-web-link').inputValue();
  const code = await invite.getByTestId('invite-code').inputValue();
  await expect(invite.getByTestId('invite-qr')).toBeVisible();
  await invite.getByRole('button', { name: 'Done' }).click();
  return { webLink, code };
}

async function fillIce(page: Page, scope: ReturnType<Page['getByTestId']>, ice: { urls: string; username: string; credential: string; relayOnly: boolean }): Promise<void> {
  const summary = scope.getByText('Network settings (STUN/TURN)');
  if (await summary.isVisible()) await summary.click();
  await scope.getByLabel('Server URLs (one per line)').fill(ice.urls);
  await scope.getByLabel('TURN username').fill(ice.username);
  await scope.getByLabel('TURN credential').fill(ice.credential);
  if (ice.relayOnly) await scope.getByLabel('Relay only (every connection goes through TURN)').check();
  void page;
}

/** Opens the web link (or types the code on the join page) and joins as `person` (asked once, on a first visit). */
export async function join(page: Page, invite: { webLink?: string; code?: string }, person: Person, ice?: { urls: string; username: string; credential: string; relayOnly: boolean }): Promise<void> {
  if (invite.webLink) {
    await page.goto(invite.webLink);
  } else {
    await page.goto('./#/join');
    await page.getByLabel('Invite link or code').fill(invite.code ?? '');
  }
  const form = page.getByRole('form', { name: 'Join a workshop' });
  // A browser with a profile shows who it is instead of asking; this person may differ.
  const change = form.getByTestId('member-change');
  if (await change.isVisible()) await change.click();
  await form.getByLabel('Your name').fill(person.name);
  await form.getByRole('radio', { name: person.side === 'facilitator' ? 'Neutral' : person.side, exact: true }).check();
  await form.getByLabel('Your role').fill(person.role);
  if (ice) await fillIce(page, form, ice);
  await form.getByRole('button', { name: 'Join workshop' }).click();
  await expect(page.getByTestId('board')).toBeVisible({ timeout: 20_000 });
}

/** The participants panel's entry for a person. */
export const participant = (page: Page, name: string) => page.getByTestId('participant').filter({ hasText: name });

/** Waits until this page has a live data channel to each named person, and returns their link states. */
export async function expectConnected(page: Page, names: readonly string[], link: 'direct' | 'relayed' | 'via server' = 'direct', timeout = 30_000): Promise<void> {
  for (const name of names) {
    const entry = participant(page, name);
    await expect(entry.getByTestId('participant-state')).toHaveText('online', { timeout });
    await expect(entry.getByTestId('participant-link')).toContainText(link, { timeout });
  }
}

/** Adds a card with just a title, in the given section. */
export async function addTitledCard(page: Page, section: string, label: string, title: string): Promise<void> {
  const dialog = await openCardEditor(page, section);
  await dialog.getByLabel(label, { exact: true }).fill(title);
  await dialog.getByRole('button', { name: 'Add card' }).click();
  await expect(dialog).toBeHidden();
}

export const cardTitled = (page: Page, title: string) => page.getByTestId('card').filter({ has: page.getByRole('button', { name: title, exact: true }) });
