// The rule that keeps hard-coded text out of the localized renderer code
// (scripts/lint/noUiLiterals.js), checked against the real ESLint config: text people read or
// hear is refused where it would reach them, symbols and code are not, in every feature; the
// host adapters are not checked.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function flagged(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'bridgeboard/no-ui-literals').length;
}

const probe = (body: string) => `export const Probe = ({ t, on }: { t: (k: string) => string; on: boolean }) => ${body};\n`;

describe('no hard-coded user-visible text', () => {
  it.each([
    ['JSX text', probe('<p>Save card</p>'), 1],
    ['a sentence chosen in JSX', probe("<p>{on ? 'Saving…' : 'Saved'}</p>"), 2],
    ['aria-label', probe('<button aria-label="Move up">↑</button>'), 1],
    ['title, placeholder and alt', probe('<div><input title="Name" placeholder="e.g. Ada" /><img alt="Logo" /></div>'), 3],
    ['a template in aria-label', probe('<button aria-label={`Delete ${String(on)}`}>✕</button>'), 1],
    ['a component text prop', probe('<Dialog title="History" submitLabel="Pin" />'), 2],
    ['a notice', "import { notifyInfo } from '../../core/notices';\nexport const f = () => notifyInfo(`Deleted “x”.`);\n", 1],
    ['symbols and numbers', probe("<p>↑ ✕ · {on ? '(' : ')'} 42</p>"), 0],
    ['catalog messages', probe("<button aria-label={t('board.card.moveUp')} title={t('board.card.moveUpHint')}>{t('board.card.delete')}</button>"), 0],
    ['code attributes', probe('<div className="card" data-testid="card" role="group" />'), 0],
  ] as const)('%s', async (_, source, count) => {
    expect(await flagged('renderer/src/features/board/Probe.tsx', source)).toBe(count);
  });

  it.each([
    ['renderer/src/app/Probe.tsx', 1],
    ['renderer/src/session/Probe.tsx', 1],
    ['renderer/src/ui/Probe.tsx', 1],
    ['renderer/src/core/Probe.tsx', 1],
    ['renderer/src/features/workshops/Probe.tsx', 1],
    ['renderer/src/features/history/Probe.tsx', 1],
    ['renderer/src/features/identity/Probe.tsx', 1],
    ['renderer/src/features/profile/Probe.tsx', 1],
    ['renderer/src/features/charter/Probe.tsx', 1],
    ['renderer/src/features/facilitation/Probe.tsx', 1],
    ['renderer/src/features/room/Probe.tsx', 1],
    ['renderer/src/features/join/Probe.tsx', 1],
    // The host adapters speak to the platform, not to people.
    ['renderer/src/host/Probe.tsx', 0],
  ] as const)('%s: checked %s', async (file, count) => {
    expect(await flagged(file, probe('<p>Close</p>'))).toBe(count);
  });
});
