// The roster with sides, roles, key fingerprints to compare aloud, and who facilitates (by key).
// The facilitator marks each person as checked in person (a signed action); you can set your
// own role.
import { useState } from 'react';
import { notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { Fingerprint } from '../identity';
import { useCharterService } from './charterContext';
import type { CharterViewState } from './charterStore';

function MyRole({ me }: { me: CharterViewState['boardRoster'][number] }) {
  const { actions } = useCharterService();
  // Keyed by the stored role by its parent, so a change from elsewhere starts it afresh.
  const [role, setRole] = useState(me.role);
  const save = () => {
    if (role.trim() === me.role) return;
    try {
      actions.setMyRole(role);
    } catch (e) {
      notifyError(describeError(e, 'Saving your role'));
    }
  };
  return <input aria-label="Your role" value={role} onChange={(e) => setRole(e.target.value)} onBlur={save} placeholder="Your role" />;
}

export function RosterPanel({ state, me, isFacilitator }: { state: CharterViewState; me: string; isFacilitator: boolean }) {
  const { actions } = useCharterService();
  const mark = (participantId: string, publicKey: string, checked: boolean) => {
    actions.markChecked(participantId, publicKey, checked).catch((e: unknown) => notifyError(describeError(e, 'Marking the key checked')));
  };
  const facilitator = state.authority.facilitator;
  const facilitates = (publicKey: string | null): string | null => {
    if (!publicKey || !facilitator) return null;
    if (facilitator.publicKey === publicKey) return 'Facilitator';
    return facilitator.coFacilitators.some((c) => c.publicKey === publicKey) ? 'Co-facilitator' : null;
  };
  const checked = new Map(state.roster.participants.map((p) => [p.id, p.checkedInPerson]));
  return (
    <section className="charter-panel" aria-labelledby="roster-heading" data-testid="charter-roster">
      <h2 id="roster-heading">Roster</h2>
      <table className="roster-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Side</th>
            <th scope="col">Facilitates</th>
            <th scope="col">Role</th>
            <th scope="col">Key fingerprint</th>
            <th scope="col">Checked in person</th>
          </tr>
        </thead>
        <tbody>
          {state.boardRoster.map((p) => {
            const fingerprint = state.roster.participants.find((c) => c.id === p.id)?.fingerprint;
            const isChecked = checked.get(p.id) === true;
            return (
              <tr key={p.id} data-testid="roster-row" data-participant={p.name}>
                <td>
                  {p.name}
                  {p.id === me ? ' (you)' : ''}
                </td>
                <td>
                  <span className={`badge side-${p.side}`}>{p.side}</span>
                </td>
                <td data-testid="facilitates">{facilitates(p.publicKey) ?? '—'}</td>
                <td>{p.id === me ? <MyRole key={p.role} me={p} /> : p.role || '—'}</td>
                <td>{fingerprint ? <Fingerprint value={fingerprint} label={`Fingerprint of ${p.name}`} /> : 'no key yet'}</td>
                <td>
                  {isChecked ? 'Yes' : 'No'}
                  {isFacilitator && p.publicKey && (
                    <button type="button" className="link" onClick={() => mark(p.id, p.publicKey ?? '', !isChecked)}>
                      {isChecked ? `Undo check of ${p.name}` : `Mark ${p.name} checked`}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">Ask each person to read their fingerprint aloud from their own screen and compare it with this list before marking them.</p>
    </section>
  );
}
