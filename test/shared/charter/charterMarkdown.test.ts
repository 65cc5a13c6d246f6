// The Markdown export reads as a document, cannot be turned into markup by card text, and
// verifies offline like the PDF: editing the visible text is caught.
import { describe, expect, it } from 'vitest';
import { renderCharterMarkdown, verifyCharterFile } from '../../../shared/charter';
import { card, frozenBundle, makeRoom, sampleCards, signedBundle } from './charterFixtures';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('charter Markdown', () => {
  const room = makeRoom();
  const bundle = signedBundle(room);
  const md = renderCharterMarkdown(bundle);

  it('shows the charter, the signatures and the digest', () => {
    expect(md).toContain('# Line 4 AI charter');
    expect(md).toContain('### Keep line 4 running');
    expect(md).toContain('- Target: under 2 h');
    expect(md).toContain('- **Bo Schmidt** (OT, Process engineer), signed 2026-11-24T22:05:00Z: VALID');
    expect(md).toContain(bundle.digest);
    expect(md).toContain('Quorum: met.');
  });

  it('verifies, and fails when the visible text is edited', async () => {
    const ok = await verifyCharterFile(bytes(md));
    expect(ok.readable && ok.kind === 'markdown' && ok.verdict.valid).toBe(true);
    const edited = await verifyCharterFile(bytes(md.replace('- Target: under 2 h', '- Target: under 9 h')));
    expect(edited.readable && edited.verdict.valid).toBe(false);
    expect(edited.readable && edited.verdict.problems[0]).toMatch(/Markdown text is not the rendering/);
  });

  it('speaks the document language, and renders format 1 as it always did', () => {
    const de = renderCharterMarkdown(signedBundle(room, room.all, undefined, true, 'de'));
    for (const line of ['Gemeinsame IT/OT-Charta – Version 1', '## Gemeinsame Ziele', '- Kategorie: Verfügbarkeit', '- Zielwert: under 2 h', 'unterschrieben 2026-11-24T22:05:00Z: GÜLTIG', 'Quorum: erreicht.']) expect(de).toContain(line);
    const old = renderCharterMarkdown(signedBundle(room, room.all, undefined, true, null));
    expect(old).toContain('**Bo Schmidt** (OT, Process engineer), signed 2026-11-24T22:05:00Z: valid');
    expect(old).toContain('- Category: uptime');
  });

  it('escapes card text so it cannot add headings, links or HTML', () => {
    const cards = [...sampleCards(), card('language', { title: '# Evil [link](http://x) <script>', itMeaning: 'a\n## not a heading', otMeaning: '' })];
    const text = renderCharterMarkdown(frozenBundle(room, undefined, cards));
    expect(text).toContain('### \\# Evil \\[link\\](http://x) \\<script\\>');
    expect(text).not.toMatch(/^## not a heading/m);
  });
});
