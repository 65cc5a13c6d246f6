// The roster with sides, roles, key fingerprints to compare aloud, and who facilitates (by key).
// The facilitator marks each person as checked in person (a signed action); you can set your
// own role.
import { useState } from 'react';
import { notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { sideLabel, useT } from '../../core/i18n';
import { Fingerprint } from '../identity';
import { useCharterService } from './charterContext';
import type { CharterViewState } from './charterStore';

function MyRole({ me }: { me: CharterViewState['boardRoster'][number] }) {
  const t = useT();
  const { actions } = useCharterService();
  // Keyed by the stored role by its parent, so a change from elsewhere starts it afresh.
  const [role, setRole] = useState(me.role);
  const save = () => {
    if (role.trim() === me.role) return;
    try {
      actions.setMyRole(role);
    } catch (e) {
      notifyError(describeError(e, t('charter.doing.role')));
    }
  };
  return <input aria-label={t('charter.roster.yourRole')} value={role} onChange={(e) => setRole(e.target.value)} onBlur={save} placeholder={t('charter.roster.yourRole')} />;
}

export function RosterPanel({ state, me, isFacilitator }: { state: CharterViewState; me: string; isFacilitator: boolean }) {
  const t = useT();
  const { actions } = useCharterService();
  const mark = (participantId: string, publicKey: string, checked: boolean) => {
    actions.markChecked(participantId, publicKey, checked).catch((e: unknown) => notifyError(describeError(e, t('charter.doing.check'))));
  };
  const facilitator = state.authority.facilitator;
  const facilitates = (publicKey: string | null): string | null => {
    if (!publicKey || !facilitator) return null;
    if (facilitator.publicKey === publicKey) return t('charter.roster.facilitator');
    return facilitator.coFacilitators.some((c) => c.publicKey === publicKey) ? t('charter.roster.coFacilitator') : null;
  };
  const checked = new Map(state.roster.participants.map((p) => [p.id, p.checkedInPerson]));
  return (
    <section className="charter-panel" aria-labelledby="roster-heading" data-testid="charter-roster">
      <h2 id="roster-heading">{t('charter.roster.heading')}</h2>
      <table className="roster-table">
        <thead>
          <tr>
            <th scope="col">{t('charter.roster.name')}</th>
            <th scope="col">{t('charter.roster.side')}</th>
            <th scope="col">{t('charter.roster.facilitates')}</th>
            <th scope="col">{t('charter.roster.role')}</th>
            <th scope="col">{t('charter.roster.fingerprint')}</th>
            <th scope="col">{t('charter.roster.checked')}</th>
          </tr>
        </thead>
        <tbody>
          {state.boardRoster.map((p) => {
            const fingerprint = state.roster.participants.find((c) => c.id === p.id)?.fingerprint;
            const isChecked = checked.get(p.id) === true;
            return (
              <tr key={p.id} data-testid="roster-row" data-participant={p.name}>
                <td>
                  {p.id === me ? t('charter.roster.you', { name: p.name }) : p.name}
                </td>
                <td>
                  <span className={`badge side-${p.side}`}>{sideLabel(t, p.side)}</span>
                </td>
                <td data-testid="facilitates">{facilitates(p.publicKey) ?? '—'}</td>
                <td>{p.id === me ? <MyRole key={p.role} me={p} /> : p.role || '—'}</td>
                <td>{fingerprint ? <Fingerprint value={fingerprint} label={t('charter.fingerprintOf', { name: p.name })} /> : t('charter.roster.noKey')}</td>
                <td>
                  {isChecked ? t('charter.roster.yes') : t('charter.roster.no')}
                  {isFacilitator && p.publicKey && (
                    <button type="button" className="link" onClick={() => mark(p.id, p.publicKey ?? '', !isChecked)}>
                      {isChecked ? t('charter.roster.uncheck', { name: p.name }) : t('charter.roster.check', { name: p.name })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('charter.roster.hint')}</p>
    </section>
  );
}
