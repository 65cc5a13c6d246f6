// Exports of one version's bundle (PDF, Markdown, JSON) through the host's save dialog or download.
import { canonicalJson, renderCharterMarkdown, renderCharterPdf, type CharterBundle } from '../../../../shared/charter';
import { utf8 } from '../../../../shared/crypto';
import type { Host } from '../../host/Host';
import { appFontLoader } from './charterFonts';

export type ExportFormat = 'pdf' | 'md' | 'json';

function baseName(bundle: CharterBundle): string {
  const title = bundle.charter.content.title.replace(/[^\w -]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'charter';
  return `${title}-v${bundle.charter.version}`;
}

export async function exportBundle(host: Host, bundle: CharterBundle, format: ExportFormat): Promise<boolean> {
  const name = `${baseName(bundle)}.${format}`;
  if (format === 'pdf') return host.files.save(name, await renderCharterPdf(bundle, undefined, { fonts: appFontLoader }));
  if (format === 'md') return host.files.save(name, utf8(renderCharterMarkdown(bundle)));
  return host.files.save(name, utf8(`${canonicalJson(bundle)}\n`));
}
