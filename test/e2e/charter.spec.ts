// The charter end to end in one browser, as a facilitator uses it: agree cards, see the weak-
// charter findings, set the quorum, freeze, sign, seal, export; then the real CLI verifies the
// PDF (exit 0) and rejects altered copies (exit 1) saying what changed, and the app's verifier
// shows the same per-signer verdicts. A later edit and freeze makes version 2 with a diff.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createWorkshop, startApp } from './fixtures/boardPage';
import { cliVerify } from './charter/cliVerify';
import { addCardRetrying as addCard, exportAs, fillDraft, myFingerprint, openCharter, setQuorum, version } from './charter/charterPage';
import { pdfPageText } from './charter/pdfText';

test('freeze, sign, seal and export a charter that the CLI and the app verify, and that fails when altered', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'bb-charter-e2e-'));
  await startApp(page, { name: 'Fay Facil', side: 'facilitator' });
  await createWorkshop(page, 'Line 4 charter');
  await addCard(page, 'goals', { Goal: 'Keep line 4 running', Metric: 'unplanned downtime per month', Target: 'under 2 h', 'IT owner': 'Ana', Status: 'agreed' });
  await addCard(page, 'accountability', { Scenario: 'AI setpoint change causes off-spec product', 'Accountable (exactly one)': 'Plant manager, CISO', Status: 'agreed' });
  await addCard(page, 'goals', { Goal: 'Only proposed, not agreed' });

  await openCharter(page);
  const findings = page.getByTestId('findings');
  await expect(findings).toContainText('Goal “Keep line 4 running” has no OT owner.');
  await expect(findings).toContainText('has 2 Accountables; it needs exactly one.');
  await expect(findings).toContainText('No OT participant is on the roster.');
  await expect(page.getByTestId('charter-draft')).toContainText('2 agreed cards');

  await fillDraft(page, { purpose: 'How IT and OT run AI on line 4.', scope: 'Line 4 quality model', reviewDate: '2027-05-01' });
  await expect(findings).not.toContainText('The charter has no purpose.');
  // One person in one browser: the quorum is the facilitator alone, and the seal. That is below
  // the default, so the app asks why, and the reason goes into the version.
  await page.getByTestId('quorum-settings').getByLabel('IT signers at least').fill('0');
  await expect(page.getByTestId('quorum-reduced')).toContainText('no IT signer is required');
  await expect(page.getByTestId('quorum-apply')).toBeDisabled();
  await setQuorum(page, { it: 0, ot: 0, reason: 'A dry run by the facilitator alone.' });

  const fingerprint = await myFingerprint(page);
  expect(fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
  const myRow = page.getByTestId('roster-row').filter({ hasText: 'Fay Facil' });
  await expect(myRow.getByTestId('fingerprint')).toHaveText(fingerprint);
  await myRow.getByRole('button', { name: 'Mark Fay Facil checked' }).click();
  await expect(myRow).toContainText('Yes');

  await page.getByTestId('freeze').click();
  await expect(page.getByTestId('freeze-dialog')).toContainText('The first version: 2 agreed items, 1 person on the roster.');
  await page.getByTestId('confirm-freeze').click();
  const v1 = version(page, 1);
  await expect(v1).toBeVisible();
  await expect(v1.getByTestId('reduced-quorum')).toContainText('A dry run by the facilitator alone.');
  await expect(v1.getByTestId('verdict-facilitator')).toContainText('Facilitator: Fay Facil');
  // Freezing again with nothing changed is refused: nobody is asked to sign the same text twice.
  await page.getByTestId('freeze').click();
  await expect(page.getByTestId('freeze-dialog')).toHaveCount(0);
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('Nothing changed since version 1');
  await expect(v1.getByTestId('charter-text')).toContainText('Keep line 4 running');
  await expect(v1.getByTestId('charter-text')).not.toContainText('Only proposed');
  await expect(v1.getByTestId('quorum-status')).toHaveText('Quorum not met: missing the facilitator');
  const digest = await v1.getByTestId('version-digest').innerText();
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  // The sign box names the version, the digest and the signer's own fingerprint.
  await expect(v1.getByTestId('sign-box')).toContainText(digest.slice(0, 16));
  await expect(v1.getByTestId('sign-box').getByTestId('fingerprint')).toHaveText(fingerprint);

  await v1.getByTestId('sign').click();
  await expect(v1.getByTestId('signed-note')).toHaveText('You signed version 1.');
  await expect(v1.getByTestId('signer')).toHaveAttribute('data-status', 'valid');
  await expect(v1.getByTestId('quorum-status')).toHaveText('Quorum met');
  await expect(v1.getByTestId('seal-status').first()).toHaveText('Not sealed yet');
  await v1.getByTestId('seal').click();
  await expect(v1.getByTestId('verdict-summary')).toContainText('Valid: version 1');
  // The whole charter view (draft, roster, a signed and sealed version) passes axe.
  const axe = await new AxeBuilder({ page }).include('[data-testid="charter-page"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const pdf = await exportAs(page, 1, 'export-pdf', join(dir, 'charter.pdf'));
  const good = cliVerify(pdf);
  expect(good.output).toContain('VALID charter');
  expect(good.output).toMatch(/\[OK \] Fay Facil \(facilitator\)/);
  expect(good.output).toMatch(/VALID charter, REDUCED QUORUM\n {2}REDUCED QUORUM \(no IT signer is required; no OT signer is required\): A dry run by the facilitator alone\./);
  expect(good.output).toMatch(/Facilitator: Fay Facil, key \d{5}/);
  expect(good.code).toBe(0);
  expect(JSON.parse(cliVerify(pdf, '--json').output)).toMatchObject({ valid: true, reducedQuorum: 'A dry run by the facilitator alone.', facilitator: { name: 'Fay Facil', established: 'workshop' } });
  // The PDF's first page says it where nobody can miss it.
  expect(pdfPageText(pdf, 1).replace(/\s+/g, ' ')).toContain('REDUCED QUORUM (no IT signer is required; no OT signer is required): A dry run by the facilitator alone.');
  const md = await exportAs(page, 1, 'export-md', join(dir, 'charter.md'));
  expect(cliVerify(md).code).toBe(0);
  expect(readFileSync(md, 'utf8')).toContain('**REDUCED QUORUM (no IT signer is required; no OT signer is required): A dry run by the facilitator alone.**');

  // An altered field: the purpose in the JSON export.
  const json = await exportAs(page, 1, 'export-json', join(dir, 'charter.json'));
  expect(cliVerify(json).code).toBe(0);
  const altered = JSON.parse(readFileSync(json, 'utf8')) as { charter: { content: { purpose: string } } };
  altered.charter.content.purpose = 'How IT alone runs AI on line 4.';
  writeFileSync(join(dir, 'altered.json'), JSON.stringify(altered));
  const bad = cliVerify(join(dir, 'altered.json'));
  expect(bad.code).toBe(1);
  expect(bad.output).toContain('INVALID');
  expect(bad.output).toContain('Changed: the title, purpose, scope or review date');

  // An altered byte in the PDF's visible text layer: one digit of the digest on page 1.
  const bytes = readFileSync(pdf);
  const at = bytes.indexOf(Buffer.from(digest.slice(0, 24), 'latin1'));
  const flipped = Buffer.from(bytes);
  const where = at >= 0 ? at : Math.floor(flipped.length / 3);
  flipped[where] = (flipped[where] ?? 0) === 0x30 ? 0x31 : 0x30;
  writeFileSync(join(dir, 'flipped.pdf'), flipped);
  const badPdf = cliVerify(join(dir, 'flipped.pdf'));
  if (at >= 0) {
    // The attachment still verifies; re-rendering it shows the visible page was edited.
    expect(badPdf.code, badPdf.output).toBe(1);
    expect(badPdf.output).toContain('the text or drawing of page 1 differs from the signed charter');
  } else {
    expect(badPdf.code, badPdf.output).not.toBe(0);
  }

  // The app's own verifier: the good PDF, then the altered JSON.
  const verify = page.getByTestId('verify-panel');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), verify.getByTestId('verify-open').click()]);
  await chooser.setFiles(pdf);
  await expect(verify.getByTestId('verdict-summary')).toContainText(`Valid: version 1`);
  await expect(verify.getByTestId('signer')).toHaveAttribute('data-status', 'valid');
  await expect(verify.getByTestId('reduced-quorum')).toContainText('A dry run by the facilitator alone.');
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), verify.getByTestId('verify-open').click()]);
  await chooser2.setFiles(join(dir, 'altered.json'));
  await expect(verify.getByTestId('verdict-summary')).toContainText('Not valid');
  await expect(verify.getByTestId('problems')).toContainText('the title, purpose, scope or review date');

  // An edit after freezing makes version 2; version 1 and its signature stay as they were.
  await page.getByTestId('back-to-board').click();
  await addCard(page, 'risks', { Risk: 'Vendor remote access into level 2', 'IT owner': 'Ana', 'OT owner': 'Bo', Status: 'agreed' });
  await openCharter(page);
  // Version 2 in German: the facilitator picks the document language, and the freeze says so.
  await page.getByTestId('charter-language').selectOption('de');
  await page.getByTestId('freeze').click();
  await expect(page.getByTestId('freeze-dialog').getByTestId('version-diff')).toContainText('Added “Vendor remote access into level 2” (Risks and safeguards)');
  await expect(page.getByTestId('freeze-dialog').getByTestId('version-diff')).toContainText('Document language changed');
  await expect(page.getByTestId('freeze-language')).toHaveText('Document language: Deutsch');
  await page.getByTestId('confirm-freeze').click();
  const v2 = version(page, 2);
  await expect(v2.getByTestId('version-diff')).toContainText('Added “Vendor remote access into level 2” (Risks and safeguards)');
  await expect(v2.getByTestId('quorum-status')).toHaveText('Quorum not met: missing the facilitator');
  await expect(version(page, 1).getByTestId('version-digest')).toHaveText(digest);
  // Its PDF speaks German, prints the fonts' text exactly, and re-renders byte for byte in the CLI
  // (INVALID only because nobody signed version 2 yet).
  const pdf2 = await exportAs(page, 2, 'export-pdf', join(dir, 'charter-v2.pdf'));
  const summary2 = pdfPageText(pdf2, 1).replace(/\s+/g, ' ');
  for (const text of ['Gemeinsame IT/OT-Charta – Version 2', 'Wichtigste Risiken', 'Vendor remote access into level 2', 'VERRINGERTES QUORUM', 'Moderation: Fay Facil', 'Überprüfung am: 2027-05-01']) expect(summary2).toContain(text);
  const v2Verdict = cliVerify(pdf2);
  expect(v2Verdict.code, v2Verdict.output).toBe(1);
  expect(v2Verdict.output).not.toContain('not the rendering');
  expect(v2Verdict.output).toContain('Quorum: NOT met - missing the facilitator');
  await expect(version(page, 1).getByTestId('verdict-summary')).toContainText('Valid: version 1');

  // Leadership's way in: the app bar's verifier, with no workshop needed.
  await page.getByTestId('verify-charter-button').click();
  const dialog = page.getByTestId('verify-charter-dialog');
  const [chooser3] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByTestId('verify-open').click()]);
  await chooser3.setFiles(join(dir, 'flipped.pdf'));
  await expect(dialog.getByTestId('verify-result')).toContainText(/Not valid|Unreadable/);
});
