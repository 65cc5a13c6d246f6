// The import rules that keep each file in one runtime (docs/architecture.md, "Runtimes and layers"), checked against the
// real ESLint config: what each folder may not import is refused, and what it may is allowed.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = x;\n`, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', () => {
  it.each([
    ['shared/board/probe.ts', "import x from 'electron';", true],
    ['shared/board/probe.ts', "import x from 'node:fs';", true],
    ['shared/board/probe.ts', "import x from 'crypto';", true],
    ['shared/board/probe.ts', "import x from 'react';", true],
    ['shared/board/probe.ts', "import x from '../../renderer/src/host/Host';", true],
    ['shared/charter/probe.ts', "import x from '../crypto/index';", false],
    ['shared/board/probe.ts', "import x from 'yjs';", false],
    ['renderer/src/probe.ts', "import x from 'electron';", true],
    ['renderer/src/probe.ts', "import x from 'node:path';", true],
    ['renderer/src/probe.ts', "import x from 'path';", true],
    ['renderer/src/probe.ts', "import x from '../../electron/main/ipc';", true],
    ['renderer/src/probe.ts', "import x from '../../shared/board';", false],
    ['electron/main/probe.ts', "import x from '../../renderer/src/host/Host';", true],
    ['electron/main/probe.ts', "import x from 'node:fs';", false],
    // The renderer's layers: features meet through index.ts, and are composed, not composers.
    ['renderer/src/features/charter/probe.ts', "import x from '../board/boardStore';", true],
    ['renderer/src/features/charter/probe.ts', "import x from '../board';", false],
    ['renderer/src/features/charter/probe.ts', "import x from '../../session/openWorkshop';", true],
    ['renderer/src/features/charter/probe.ts', "import x from '../../core/notices';", false],
    ['renderer/src/features/charter/Probe.tsx', "import x from 'yjs';", true],
    ['renderer/src/core/probe.ts', "import x from '../features/board';", true],
    ['renderer/src/ui/probe.ts', "import x from '../features/board';", true],
    ['renderer/src/session/probe.ts', "import x from '../features/board/boardStore';", true],
    ['renderer/src/session/probe.ts', "import x from '../features/board';", false],
  ] as const)('%s: %s → restricted %s', async (file, source, expected) => {
    expect(await restricted(file, source)).toBe(expected);
  });
});

describe('doc roots', () => {
  it.each([
    ['shared/board/probe.ts', true],
    ['renderer/src/features/board/probe.ts', true],
    ['shared/doc/roots.ts', false],
  ] as const)('%s: doc.getMap(…) refused %s', async (file, expected) => {
    const [result] = await eslint.lintText("import type * as Y from 'yjs';\nexport const probe = (doc: Y.Doc) => doc.getMap('cards');\n", { filePath: file });
    expect((result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-syntax')).toBe(expected);
  });
});
