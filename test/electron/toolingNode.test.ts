// What Node the project says it needs (issue 15): package.json's engines.node is what Electron
// 45's tooling requires, and npm ci still works on Node 20 (npm only warns about engines unless
// engine-strict is set, and nothing here sets it), as the README says.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string }; optional?: boolean }> };

const version = (text: string): number[] => text.split('.').map(Number);
const atLeast = (have: number[], need: number[]): boolean => {
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== (need[i] ?? 0)) return (have[i] ?? 0) > (need[i] ?? 0);
  return true;
};

describe('the Node a developer machine needs', () => {
  it('engines.node asks at least what every installed tool with a plain ">=" range asks', () => {
    const ours = /^>=\s*([\d.]+)$/.exec(pkg.engines.node)?.[1];
    expect(ours).toBeDefined();
    const tooOld = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && !entry.optional)
      .flatMap(([name, entry]) => {
        const need = /^>=\s*([\d.]+)$/.exec(entry.engines?.node?.trim() ?? '')?.[1];
        return need && !atLeast(version(ours ?? '0'), version(need)) ? [`${name} needs ${need}`] : [];
      });
    expect(tooOld).toEqual([]);
    // Electron's own tooling is among them: the reason for the requirement.
    expect(lock.packages['node_modules/@electron/get']?.engines?.node).toMatch(/^>=22\./);
  });

  it('says in one line why Electron cannot be fetched or packaged on an older Node', async () => {
    const { toolingNodeProblem } = (await import(pathToFileURL(join(root, 'scripts', 'toolingNode.mjs')).href)) as { toolingNodeProblem(v: string): string | null };
    expect(toolingNodeProblem('20.20.2')).toBe("Electron 45's tooling needs Node 22.12.0 or later; this is Node 20.20.2");
    expect(toolingNodeProblem('22.11.9')).not.toBeNull();
    expect(toolingNodeProblem('22.12.0')).toBeNull();
    expect(toolingNodeProblem('24.1.0')).toBeNull();
  });

  it('keeps npm ci working on Node 20: engines are not enforced, and the README says what is needed', () => {
    for (const rc of ['.npmrc']) if (existsSync(join(root, rc))) expect(readFileSync(join(root, rc), 'utf8')).not.toMatch(/engine-strict\s*=\s*true/);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('Node 22.12');
    expect(readme).toMatch(/Node 20\.19/);
  });
});
