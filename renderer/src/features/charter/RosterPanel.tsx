// The roster with sides, roles and key fingerprints to compare aloud. The facilitator marks each
// person as checked in person; you can set your own role.
import { useState } from 'react';
import type * as Y from 'yjs';
import { upsertParticipant } from '../../../../shared/board';
import { notifyError } from '../../app/uiStore';
import { describeError } from '../../ui/describeError';
import { LOCAL } from '../board/boardStore';
import { Fingerprint } from '../identity/Fingerprint';
import { markChecked } from './charterActions';
import type { CharterViewState } from './charterStore';

function MyRole({ doc, me }: { doc: Y.Doc; me: CharterViewState['boardRoster'][number] }) {
  // Keyed by the stored role by its parent, so a change from elsewhere starts it afresh.
  const [role, setRole] = useState(me.role);
  const save = () => {
    if (role.trim() === me.role) return;
    try {
      upsertParticipant(doc, { id: me.id, name: me.name, side: me.side, role }, Date.now(), LOCAL);
    } catch (e) {
      notifyError(describeError(e, 'Saving your role'));
    }
  };
  return <input aria-label="Your role" value={role} onChange={(e) => setRole(e.target.value)} onBlur={save} placeholder="Your role" />;
}

export function RosterPanel({ doc, state, me, isFacilitator }: { doc: Y.Doc; state: CharterViewState; me: string; isFacilitator: boolean }) {
  const checked = new Map(state.roster.participants.map((p) => [p.id, p.checkedInPerson]));
  return (
    <section className="charter-panel" aria-labelledby="roster-heading" data-testid="charter-roster">
      <h2 id="roster-heading">Roster</h2>
      <table className="roster-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Side</th>
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
                <td>{p.id === me ? <MyRole key={p.role} doc={doc} me={p} /> : p.role || '—'}</td>
                <td>{fingerprint ? <Fingerprint value={fingerprint} label={`Fingerprint of ${p.name}`} /> : 'no key yet'}</td>
                <td>
                  {isChecked ? 'Yes' : 'No'}
                  {isFacilitator && p.publicKey && (
                    <button type="button" className="link" onClick={() => markChecked(doc, p.id, isChecked ? null : p.publicKey, me)}>
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
