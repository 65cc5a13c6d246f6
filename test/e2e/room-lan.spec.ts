// Browsers join from the plant LAN with nothing installed: `bridgeboard serve` (the real CLI)
// serves the web app and signaling over HTTPS/WSS on one port, reached as
// https://lan.bridgeboard.test:<port>/ (a LAN-like origin, mapped to 127.0.0.1) with the
// printed SPKI pinned. Two browsers join, and one signs the charter with its non-extractable
// key; plain http is sent to https, and a plain-http origin says why the app cannot work.
// Run inside a loopback-only network namespace.
import { expect, test } from '@playwright/test';
import { qrSvgDataUrl } from '../../shared/room';
import { fillDraft, openCharter, version, freeze } from './charter/charterPage';
import { addCardRetrying as addCard } from './charter/charterPage';
import { expectNoSeriousViolations } from './fixtures/axe';
import { startApp } from './fixtures/boardPage';
import { FACILITATOR, IT_PERSON, expectConnected, join } from './room/roomHarness';
import { LAN_NAME, serveForSpec, startServe } from './room/lanServe';

test.describe.configure({ mode: 'serial' });

const lan = serveForSpec();
let webLink = '';
const peer = () => lan.peer();

const readAloud = () => lan.serve.sha256.split(' ').slice(0, 8).join(' ');

test('serve prints its URL on the LAN name and the SPKI to pin', () => {
  expect(lan.serve.url).toBe(`https://${LAN_NAME}:${lan.serve.port}/`);
  expect(lan.serve.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  expect(lan.serve.sha256).toMatch(/^([0-9A-F]{2} ){31}[0-9A-F]{2}$/);
});

test('two browsers join a room on the LAN origin over HTTPS and WSS; one signs the charter', async () => {
  test.setTimeout(180_000);
  const [fac, it] = await Promise.all([peer(), peer()]);
  await fac.page.goto(lan.serve.url);
  // The LAN origin is a secure context over https: WebCrypto is there.
  expect(await fac.page.evaluate(() => window.isSecureContext && typeof crypto.subtle?.sign === 'function')).toBe(true);

  await startApp(fac.page, { name: FACILITATOR.name, side: FACILITATOR.side });
  await fac.page.getByLabel('New workshop title').fill('Line 4 on the plant LAN');
  await fac.page.getByRole('button', { name: 'Create workshop' }).click();
  await fac.page.getByTestId('open-room').click();
  const dialog = fac.page.getByTestId('open-room-dialog');
  // The server prefills where its signaling is and which certificate it presents.
  await expect(dialog.getByLabel('Signaling server address')).toHaveValue(`wss://${LAN_NAME}:${lan.serve.port}`);
  await expect(dialog.getByLabel(/^Server certificate fingerprint/)).toHaveValue(lan.serve.sha256);
  await expect(dialog.getByTestId('server-info-prefilled')).toBeVisible();
  await dialog.getByRole('button', { name: 'Open room' }).click();
  const invite = fac.page.getByTestId('invite-dialog');
  await expect(invite).toBeVisible({ timeout: 20_000 });
  await expect(invite.getByTestId('invite-certificate-read-aloud')).toHaveText(readAloud());
  await expectNoSeriousViolations(fac.page, 'invite dialog with the certificate', '[data-testid="invite-dialog"]');
  webLink = await invite.getByTestId('invite-web-link').inputValue();
  expect(webLink).toMatch(new RegExp(`^https://${LAN_NAME.replace(/\./g, '\\.')}:${lan.serve.port}/#/join/[0-9A-Z]+$`));
  // The QR code a phone scans is the web link.
  await expect(invite.getByTestId('invite-qr')).toHaveAttribute('src', qrSvgDataUrl(webLink));
  await invite.getByRole('button', { name: 'Done' }).click();

  // The participant opens the link: the join page says how to check the certificate.
  await it.page.goto(webLink);
  await expect(it.page.getByTestId('certificate-check')).toContainText('SHA-256 fingerprint');
  await expect(it.page.getByTestId('certificate-read-aloud')).toHaveText(readAloud());
  await expectNoSeriousViolations(it.page, 'join page with the certificate check');
  await join(it.page, { webLink }, IT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name]);
  await expectConnected(it.page, [FACILITATOR.name]);

  // Editing both ways.
  await addCard(it.page, 'goals', { Goal: 'Keep line 4 running', Status: 'agreed' });
  await expect(fac.page.getByTestId('card').filter({ hasText: 'Keep line 4 running' })).toBeVisible({ timeout: 20_000 });

  // The charter: both keys reach the roster, the facilitator freezes, IT signs in the browser.
  await openCharter(it.page);
  await openCharter(fac.page);
  await expect(fac.page.getByTestId('roster-row').filter({ hasText: IT_PERSON.name }).getByTestId('fingerprint')).toBeVisible({ timeout: 20_000 });
  await fillDraft(fac.page, { purpose: 'How IT and OT run AI on line 4.', scope: 'Line 4', reviewDate: '2027-05-01' });
  await freeze(fac.page);
  await expect(version(it.page, 1).getByTestId('sign')).toBeVisible({ timeout: 20_000 });
  await version(it.page, 1).getByTestId('sign').click();
  await expect(version(fac.page, 1).locator('[data-testid="signer"][data-status="valid"]').filter({ hasText: IT_PERSON.name })).toBeVisible({ timeout: 20_000 });

  // The signing key in the LAN origin's browser is WebCrypto's, and cannot be exported.
  const key = await it.page.evaluate(
    () =>
      new Promise<{ type: string; extractable: boolean }>((resolve, reject) => {
        const open = indexedDB.open('bridgeboard-identity');
        open.onerror = () => reject(new Error('no key database'));
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').get('default');
          get.onsuccess = () => {
            const k = (get.result as { privateKey: CryptoKey }).privateKey;
            resolve({ type: k.algorithm.name, extractable: k.extractable });
          };
        };
      }),
  );
  expect(key).toEqual({ type: 'Ed25519', extractable: false });
  expect(it.problems.filter((p) => /mixed content|certificate|ERR_/i.test(p))).toEqual([]);
});

test('plain http to the port goes on to https; a plain-http origin says why the app cannot work there', async () => {
  const p = await peer();
  const route = webLink.slice(webLink.indexOf('#'));
  await p.page.goto(`http://${LAN_NAME}:${lan.serve.port}/${route}`);
  await expect(p.page).toHaveURL(`https://${LAN_NAME}:${lan.serve.port}/${route}`);
  await expect(p.page.getByRole('form', { name: 'Join a workshop' })).toBeVisible();

  // A server reached over plain http (here serve's proxy mode, opened around its proxy):
  // on a LAN name that is no secure context, and the page says so instead of failing later.
  const plain = await startServe({ behindProxy: true });
  lan.closeAfter(plain);
  await p.page.goto(`http://${LAN_NAME}:${plain.port}/${route}`);
  expect(await p.page.evaluate(() => window.isSecureContext)).toBe(false);
  const page = p.page.getByTestId('insecure-origin');
  await expect(page).toContainText(`This page was opened over plain http (http://${LAN_NAME}:${plain.port})`);
  await expect(page).toContainText('switched off the cryptography Bridgeboard needs');
  await expect(page.getByTestId('insecure-origin-https')).toHaveAttribute('href', `https://${LAN_NAME}:${plain.port}/${route}`);
  await expectNoSeriousViolations(p.page, 'the plain-http explanation');
});
