// Exports made by earlier releases must verify forever: the verifier re-renders each file with
// the renderer that made it and compares byte for byte, so any change to an old layout (a word,
// a font, a width) would turn every charter exported with it INVALID. The files here were written
// by those releases (see the make*.ts script beside them) and are never regenerated: layout 1
// (standard fonts, bundle format 1) and layout 2 (a document language, embedded Noto subsets,
// summary and signature pages) in English, German and Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCharterFile } from '../../../shared/charter';

const dir = join(__dirname, '..', '..', 'fixtures', 'charter');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('charters exported by earlier releases', () => {
  for (const name of ['layout1-facilitator-key', 'layout1-roster-side', 'layout2-en', 'layout2-de', 'layout2-zh-Hans']) {
    for (const ext of ['pdf', 'md', 'json'] as const) {
      it(`${name}.${ext} still verifies`, async () => {
        const result = await verifyCharterFile(read(`${name}.${ext}`));
        expect(result.readable).toBe(true);
        if (!result.readable) return;
        expect(result.verdict.problems).toEqual([]);
        expect(result.verdict.valid).toBe(true);
        expect(result.kind).toBe(ext === 'md' ? 'markdown' : ext);
        if (name.startsWith('layout2')) {
          // Reduced quorum and a co-facilitator's seal, as the file says them.
          expect(result.verdict.reducedQuorum).toBe('OT signs on paper at the plant.');
          expect(result.verdict.seal).toMatchObject({ status: 'valid', sealedBy: 'Ирина Ковалёва' });
        }
      });
    }
  }
});
