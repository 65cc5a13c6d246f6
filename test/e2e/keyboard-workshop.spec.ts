// A whole workshop with the keyboard alone, as a facilitator who uses no pointer runs it: the
// first-run profile, a new workshop, cards in several sections, an edit and a move, the agenda
// and the timer, a vote (start, cast, reveal), the minutes, the charter (draft, quorum, freeze, sign, seal),
// its export, and the verifier. No click anywhere: only Tab, Shift+Tab, Enter, Space, arrows,
// Escape and typing; the DOM is read for assertions only. One person runs it, so the quorum is
// reduced to the facilitator with a reason (docs/charter-format.md), as a dry run would be.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cardsIn, section } from './fixtures/boardPage';
import { activate, addCardByKeyboard, arrowToRadio, expectFocusKept, replaceText, tabTo } from './fixtures/keyboard';

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

test('a whole workshop, from the first screen to a verified charter, with the keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');

  // First run: the profile. Focus starts in the dialog, on the name.
  const welcome = dialog(page, 'Welcome to Bridgeboard');
  await expect(welcome).toBeVisible();
  await expect(welcome.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type('Kai Keys');
  // Tab enters a radio group on its checked radio.
  await tabTo(page, welcome.getByRole('radio', { checked: true }));
  // Arrows move through a radio group and select as they go.
  await arrowToRadio(page, welcome.getByRole('radio', { name: 'Neutral', exact: true }));
  await activate(page, welcome.getByRole('button', { name: 'Save profile' }));
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();

  // The dialog that nobody opened hands the focus to the page's content, not to nowhere.
  const content = page.locator('#content');
  await expect(content).toBeFocused();
  // Back up to the skip link at the top: it leads past the top bar again.
  await activate(page, page.getByRole('link', { name: 'Skip to content' }), { back: true });
  await expect(content).toBeFocused();

  // A new workshop: the title field, then Enter submits.
  await tabTo(page, page.getByLabel('New workshop title'));
  await page.keyboard.type('Line 4 by keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-title')).toHaveText('Line 4 by keyboard');
  // On the board too, the skip link moves the focus and leaves the page where it is.
  const boardUrl = page.url();
  await activate(page, page.getByRole('link', { name: 'Skip to content' }), { back: true });
  await expect(content).toBeFocused();
  expect(page.url()).toBe(boardUrl);
  await expect(page.getByTestId('board-title')).toHaveText('Line 4 by keyboard');

  // Cards in several sections; each new card takes the focus.
  await addCardByKeyboard(page, 'goals', 'Keep line 4 running', 'agreed');
  await addCardByKeyboard(page, 'goals', 'Patch within a shift');
  await addCardByKeyboard(page, 'risks', 'Remote vendor access');
  await addCardByKeyboard(page, 'language', 'Historian');

  // Edit a card: Enter on its title opens the editor; Escape would cancel, Enter in a field saves.
  await tabTo(page, section(page, 'goals').getByRole('button', { name: 'Patch within a shift', exact: true }), { back: true });
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('card-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Goal', { exact: true })).toBeFocused();
  await replaceText(page, 'Patch within one shift');
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  const patched = section(page, 'goals').getByRole('button', { name: 'Patch within one shift', exact: true });
  await expect(patched).toBeFocused();
  // Move it: up within the section, then on to the next section.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(cardsIn(page, 'goals').first()).toContainText('Patch within one shift');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(cardsIn(page, 'goals')).toHaveCount(1);
  await expect(section(page, 'tradeoffs').getByRole('button', { name: 'Patch within one shift', exact: true })).toBeFocused();

  // The agenda and the timer, from the facilitator's controls above the board.
  const bar = page.getByRole('toolbar', { name: 'Facilitator controls' });
  await activate(page, bar.getByRole('button', { name: 'Start the agenda →' }), { back: true });
  await expect(page.getByTestId('phase-title')).toHaveText('Frame');
  await expectFocusKept(page, 'the agenda started');
  await activate(page, bar.getByRole('button', { name: /^Start timer/ }));
  await expect(page.getByTestId('timer-value')).toHaveText(/^1[45]:\d\d$/);
  // The button that started it is replaced by Pause: the focus stays in the timer's controls.
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeFocused();

  // A vote: start, put two dots on a card, reveal.
  await activate(page, bar.getByRole('button', { name: 'Start vote' }));
  const vote = page.getByRole('region', { name: 'Vote' });
  await expect(vote).toBeVisible();
  await expectFocusKept(page, 'the vote started');
  const plus = vote.getByRole('button', { name: 'Add a dot to “Keep line 4 running”' });
  await tabTo(page, plus);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(vote.getByTestId('dots-left')).toHaveText('3 of 5 dots left');
  await activate(page, bar.getByRole('button', { name: 'Reveal votes' }), { back: true });
  const results = page.getByTestId('results-panel');
  await expect(results).toBeVisible();
  await expect(results).toContainText('Keep line 4 running');
  await expectFocusKept(page, 'the votes were revealed', bar.getByRole('group', { name: 'Voting' }));

  // The minutes, as Markdown: the dialog closes once saved and the focus is back on its button.
  const minutesButton = page.getByRole('button', { name: 'Minutes', exact: true });
  await activate(page, minutesButton, { back: true });
  const minutes = dialog(page, 'Take the minutes');
  await expect(minutes).toBeVisible();
  await tabTo(page, minutes.getByRole('button', { name: 'Markdown text (.md)' }));
  const [minutesDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const minutesFile = test.info().outputPath('minutes.md');
  await minutesDownload.saveAs(minutesFile);
  expect(readFileSync(minutesFile, 'utf8')).toContain('Keep line 4 running');
  await expect(minutes).toBeHidden();
  await expect(minutesButton).toBeFocused();

  // The charter: open it from the board's toolbar.
  await activate(page, page.getByRole('button', { name: 'Charter', exact: true }), { back: true });
  await expect(page.getByRole('heading', { name: /^Charter: / })).toBeVisible();
  await expect(page.getByTestId('identity-panel').getByTestId('fingerprint')).toBeVisible();
  const draft = page.getByTestId('charter-draft');
  await tabTo(page, draft.getByLabel('Purpose'));
  await page.keyboard.type('How IT and OT run AI on line 4.');
  await tabTo(page, draft.getByLabel('Scope'));
  await page.keyboard.type('Line 4 quality model');
  await tabTo(page, draft.getByLabel('Review date'));
  await page.keyboard.type('05012027');
  await page.keyboard.press('Tab');
  await expect(draft.getByLabel('Review date')).toHaveValue('2027-05-01');
  await expect(draft.getByLabel('Purpose')).toHaveValue('How IT and OT run AI on line 4.');

  // One person: the quorum is the facilitator alone, with the reason the app asks for.
  const quorum = page.getByTestId('quorum-settings');
  await tabTo(page, quorum.getByLabel('IT signers at least'));
  await replaceText(page, '0');
  await tabTo(page, quorum.getByLabel('OT signers at least'));
  await replaceText(page, '0');
  await tabTo(page, quorum.getByTestId('quorum-reason'));
  await page.keyboard.type('A dry run by the facilitator alone.');
  await activate(page, quorum.getByTestId('quorum-apply'));
  await expect(quorum.getByTestId('quorum-apply')).toBeHidden();
  await expectFocusKept(page, 'the quorum was applied', quorum);

  // Freeze: the confirmation is a dialog that holds the focus, then gives it back.
  await activate(page, page.getByTestId('freeze'));
  const freeze = page.getByTestId('freeze-dialog');
  await expect(freeze).toBeVisible();
  await expect(freeze.locator(':focus')).toHaveCount(1);
  await activate(page, freeze.getByTestId('confirm-freeze'));
  await expect(freeze).toBeHidden();
  const v1 = page.locator('[data-testid="charter-version"][data-version="1"]');
  await expect(v1).toBeVisible();
  await expectFocusKept(page, 'the freeze');

  await activate(page, v1.getByRole('button', { name: 'Sign version 1' }));
  await expect(v1.getByTestId('signed-note')).toHaveText('You signed version 1.');
  await expectFocusKept(page, 'signing', v1.getByTestId('sign-box'));
  await activate(page, v1.getByRole('button', { name: /^Seal the signature/ }));
  await expect(v1.getByTestId('verdict-summary')).toContainText('Valid: version 1');
  await expectFocusKept(page, 'sealing', v1.getByRole('group', { name: 'Export version 1' }));

  // Export the signed charter, then check the file in the verifier.
  await tabTo(page, v1.getByRole('button', { name: 'Export JSON' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = test.info().outputPath('charter.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('charter');

  await activate(page, page.getByRole('button', { name: 'Verify a charter' }), { back: true });
  const verify = dialog(page, 'Verify a charter');
  await expect(verify).toBeVisible();
  await tabTo(page, verify.getByRole('button', { name: 'Open a charter file…' }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(file);
  await expect(verify.getByTestId('verify-result')).toContainText('Valid: version 1');
  await expectFocusKept(page, 'verifying a file', verify);
  await page.keyboard.press('Escape');
  await expect(verify).toBeHidden();
  // Closing gives the focus back to the button that opened it.
  await expect(page.getByRole('button', { name: 'Verify a charter' })).toBeFocused();

  // Back to the board, which kept its cards.
  await activate(page, page.getByRole('button', { name: '← Board' }));
  await expect(section(page, 'tradeoffs').getByRole('button', { name: 'Patch within one shift', exact: true })).toBeVisible();
});
