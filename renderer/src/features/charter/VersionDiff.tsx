// "What changed" since the previous version, so people re-signing see what is new.
import type { CharterDiff, FrozenCharter } from '../../../../shared/charter';
import { useFormat, useT } from '../../core/i18n';
import { diffLines } from './charterWording';

export function VersionDiff({ diff, from, charters }: { readonly diff: CharterDiff; readonly from: number; readonly charters: readonly FrozenCharter[] }) {
  const t = useT();
  const format = useFormat();
  // Roster changes by name: the newer version's name first, else the one the person had before.
  const nameOf = (id: string) => charters.flatMap((c) => c.roster).find((p) => p.id === id)?.name ?? id;
  const lines = diffLines(t, format, diff, nameOf);
  return (
    <details className="version-diff" open data-testid="version-diff">
      <summary>{t('charter.diff.summary', { version: from })}</summary>
      {lines.length === 0 ? <p>{t('charter.diff.nothing')}</p> : <ul>{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
    </details>
  );
}
