// The charter across three machines: a facilitator, an IT and an OT participant in separate
// Chromium processes, joined through the real signaling server over real WebRTC. The
// facilitator freezes; each signs in their own browser with their own key; the quorum and the
// seal show live everywhere; the exported PDF passes the real CLI, and an altered copy fails
// with a message that says what changed. Run inside a loopback-only network namespace.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliVerify } from './charter/cliVerify';
import { freeze, addCardRetrying as addCard, exportAs, fillDraft, myFingerprint, openCharter, version } from './charter/charterPage';
import { FACILITATOR, IT_PERSON, OT_PERSON, expectConnected, hostWorkshop, join, useRoomSuite } from './room/roomHarness';

const room = useRoomSuite();

test('facilitator, IT and OT sign one frozen charter in three browsers; the PDF verifies with the CLI and an altered copy does not', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(joinPath(tmpdir(), 'bb-charter-room-'));
  const [fac, it, ot] = await Promise.all([room.peer(), room.peer(), room.peer()]);
  const invite = await hostWorkshop(fac.page, 'Line 4 joint charter', room.server().url);
  await join(it.page, { webLink: invite.webLink }, IT_PERSON);
  await join(ot.page, { webLink: invite.webLink }, OT_PERSON);
  await expectConnected(fac.page, [IT_PERSON.name, OT_PERSON.name]);

  await addCard(fac.page, 'goals', { Goal: 'Keep line 4 running', Metric: 'unplanned downtime per month', Target: 'under 2 h', 'IT owner': IT_PERSON.name, 'OT owner': OT_PERSON.name, Status: 'agreed' });
  await addCard(fac.page, 'tradeoffs', { Tension: 'Patch cadence vs. maintenance windows', 'IT view': 'Monthly', 'OT view': 'Only in shutdowns', 'Agreed resolution': 'Quarterly window', Status: 'agreed' });

  // Everyone opens the charter; each person's key reaches everyone's roster through the room.
  const fingerprints = new Map<string, string>();
  for (const [p, who] of [[fac, FACILITATOR], [it, IT_PERSON], [ot, OT_PERSON]] as const) {
    await openCharter(p.page);
    fingerprints.set(who.name, await myFingerprint(p.page));
  }
  for (const p of [fac, it, ot]) {
    for (const [name, fp] of fingerprints) {
      await expect(p.page.getByTestId('roster-row').filter({ hasText: name }).getByTestId('fingerprint')).toHaveText(fp, { timeout: 20_000 });
    }
  }
  await expect(fac.page.getByTestId('roster-row').filter({ hasText: IT_PERSON.name })).toContainText(IT_PERSON.role);

  // The facilitator compares fingerprints aloud and marks everyone, then freezes.
  await fillDraft(fac.page, { purpose: 'How IT and OT run AI on line 4 together.', scope: 'Line 4', reviewDate: '2027-05-01' });
  for (const who of [FACILITATOR, IT_PERSON, OT_PERSON]) await fac.page.getByRole('button', { name: `Mark ${who.name} checked` }).click();
  await expect(it.page.getByTestId('roster-row').filter({ hasText: OT_PERSON.name })).toContainText('Yes');
  await expect(it.page.getByTestId('roster-row').filter({ hasText: FACILITATOR.name }).getByTestId('facilitates')).toHaveText('Facilitator');
  // OT is back on the board when the version is frozen: the charter button tells them.
  await ot.page.getByTestId('back-to-board').click();
  await freeze(fac.page);
  await expect(ot.page.getByTestId('open-charter').getByTestId('charter-badge')).toHaveText('1', { timeout: 20_000 });
  await expect(ot.page.getByRole('status', { name: 'Notices' })).toContainText('Charter version 1 awaits your signature');
  await expect(it.page.getByRole('status', { name: 'Notices' })).toContainText('Charter version 1 awaits your signature');
  await ot.page.getByTestId('open-charter').click();

  // Each signs in their own browser; the version and its digest are the same everywhere.
  const digest = await version(fac.page, 1).getByTestId('version-digest').innerText();
  for (const p of [it, ot]) await expect(version(p.page, 1).getByTestId('version-digest')).toHaveText(digest, { timeout: 20_000 });
  await expect(version(it.page, 1).getByTestId('quorum-status')).toHaveText('Quorum not met: missing 1 more IT signer, 1 more OT signer, the facilitator');
  await version(it.page, 1).getByTestId('sign').click();
  await expect(version(ot.page, 1).getByTestId('quorum-status')).toHaveText('Quorum not met: missing 1 more OT signer, the facilitator');
  await version(ot.page, 1).getByTestId('sign').click();
  await version(fac.page, 1).getByTestId('sign').click();
  await expect(it.page.getByRole('status', { name: 'Notices' })).toContainText('Charter version 1 has its quorum');
  for (const p of [fac, it, ot]) {
    await expect(version(p.page, 1).getByTestId('quorum-status')).toHaveText('Quorum met');
    await expect(version(p.page, 1).locator('[data-testid="signer"][data-status="valid"]')).toHaveCount(3);
  }
  // Only the facilitator can seal; once sealed, everyone sees a valid charter.
  await expect(version(it.page, 1).getByTestId('seal')).toHaveCount(0);
  await version(fac.page, 1).getByTestId('seal').click();
  for (const p of [fac, it, ot]) await expect(version(p.page, 1).getByTestId('verdict-summary')).toContainText('Valid: version 1');
  await expect(ot.page.getByRole('status', { name: 'Notices' })).toContainText('Charter version 1 is sealed');
  await expect(ot.page.getByTestId('open-charter').getByTestId('charter-badge')).toHaveCount(0);

  // Any of them can export; the OT participant's PDF verifies with the CLI.
  const pdf = await exportAs(ot.page, 1, 'export-pdf', joinPath(dir, 'charter.pdf'));
  const good = cliVerify(pdf);
  expect(good.code, good.output).toBe(0);
  for (const who of [FACILITATOR, IT_PERSON, OT_PERSON]) expect(good.output).toContain(`[OK ] ${who.name}`);
  expect(good.output).toContain('Quorum: met');

  // An altered copy: the bundle's roster gives the OT signer another role.
  const json = await exportAs(fac.page, 1, 'export-json', joinPath(dir, 'charter.json'));
  const bundle = JSON.parse(readFileSync(json, 'utf8')) as { charter: { roster: { name: string; role: string }[] } };
  const entry = bundle.charter.roster.find((p) => p.name === OT_PERSON.name);
  if (!entry) throw new Error('OT is not on the frozen roster');
  entry.role = 'Plant manager';
  writeFileSync(joinPath(dir, 'altered.json'), JSON.stringify(bundle));
  const bad = cliVerify(joinPath(dir, 'altered.json'));
  expect(bad.code).toBe(1);
  expect(bad.output).toContain(`Changed: the roster entry of ${OT_PERSON.name}`);

  // Dropping a signer from a copy breaks the seal.
  const dropped = JSON.parse(readFileSync(json, 'utf8')) as { signatures: unknown[] };
  dropped.signatures.splice(0, 1);
  writeFileSync(joinPath(dir, 'dropped.json'), JSON.stringify(dropped));
  const droppedRun = cliVerify(joinPath(dir, 'dropped.json'));
  expect(droppedRun.code).toBe(1);
  expect(droppedRun.output).toMatch(/signatures were added, removed or replaced after .* sealed/);

  for (const p of [fac, it, ot]) expect(p.problems.filter((m) => !/WebSocket|ERR_CONNECTION/.test(m))).toEqual([]);
});
