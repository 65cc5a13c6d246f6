// "What changed" since the previous version, so people re-signing see what is new.
import type { CharterDiff } from '../../../../shared/charter';

export function VersionDiff({ diff, from }: { readonly diff: CharterDiff; readonly from: number }) {
  const lines = [
    ...diff.meta.map((m) => `Changed ${m === 'reviewDate' ? 'review date' : m}`),
    ...diff.added.map((x) => `Added “${x.title}” (${x.section})`),
    ...diff.removed.map((x) => `Removed “${x.title}” (${x.section})`),
    ...diff.changed.map((x) => `Changed “${x.title}”: ${x.fields.join(', ')}`),
    ...diff.rosterAdded.map((id) => `Roster: added ${id}`),
    ...diff.rosterRemoved.map((id) => `Roster: removed ${id}`),
    ...diff.rosterChanged.map((id) => `Roster: changed ${id}`),
    ...(diff.quorumChanged ? ['Quorum rule changed'] : []),
    ...(diff.facilitatorChanged ? ['Facilitator or co-facilitators changed'] : []),
    ...(diff.languageChanged ? ['Document language changed'] : []),
  ];
  return (
    <details className="version-diff" open data-testid="version-diff">
      <summary>What changed since version {from}</summary>
      {lines.length === 0 ? <p>Nothing in the content, roster, quorum or facilitators.</p> : <ul>{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
    </details>
  );
}
