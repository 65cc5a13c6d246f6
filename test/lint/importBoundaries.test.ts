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
  ] as const)('%s: %s → restricted %s', async (file, source, expected) => {
    expect(await restricted(file, source)).toBe(expected);
  });
});
