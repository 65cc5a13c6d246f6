// Who holds the facilitator's authority, and the facilitator's controls for it: make someone a
// co-facilitator (which rights, for how long), end a delegation, or hand the whole workshop over.
// Each is a signed action every peer enforces; only the facilitator (not a co-facilitator) can
// take them. Someone without a signing key on the roster cannot be named: their actions could
// not be checked.
import { useState } from 'react';
import { RIGHTS, type Right } from '../../../../shared/facilitation';
import { announce, notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { Dialog } from '../../ui/Dialog';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { keyFingerprint } from './keyFingerprint';
import type { Delegate } from './facilitationActions';

const RIGHT_LABELS: Record<Right, string> = {
  run: 'Run the workshop (phases, timer, agenda, anonymity, bring everyone)',
  votes: 'Votes (start, reveal, close)',
  charter: 'Charter (quorum, in-person checks, freeze, seal)',
};

export const rightsText = (rights: readonly Right[]): string => rights.map((r) => ({ run: 'run', votes: 'votes', charter: 'charter' })[r]).join(', ');

const clockTime = (ms: number): string => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export function FacilitatorsDialog({ onClose }: { readonly onClose: () => void }) {
  const facilitation = useFacilitationContext();
  const roster = useFacilitation((v) => v.roster) ?? [];
  const state = useFacilitation((v) => v.state);
  const facilitator = useFacilitation((v) => v.facilitator);
  const isPrimary = useFacilitation((v) => v.isPrimary) ?? false;
  const [rights, setRights] = useState<readonly Right[]>(RIGHTS);
  const [hours, setHours] = useState(8);
  const [handingTo, setHandingTo] = useState<Delegate | null>(null);
  if (!facilitation || !state) return null;
  const { actions, controller } = facilitation;
  const now = controller.facilitatorNow();
  const run = (doing: string, work: () => Promise<void>, done: string) =>
    work().then(
      () => announce(done),
      (e: unknown) => notifyError(describeError(e, doing)),
    );
  const candidates = roster.filter((p) => p.publicKey && p.publicKey !== facilitator?.publicKey);
  const toggle = (right: Right, on: boolean) => setRights(on ? RIGHTS.filter((r) => r === right || rights.includes(r)) : rights.filter((r) => r !== right));
  return (
    <Dialog title="Facilitator and co-facilitators" onClose={onClose} testId="facilitators-dialog">
      <p>
        Facilitator: <strong>{facilitator?.name ?? 'nobody yet'}</strong>
        {facilitator && <> · key <code>{facilitator.fingerprint}</code></>}
        {facilitator?.since === 'handover' ? ' (handed over)' : ''}
      </p>
      {isPrimary && (
        <fieldset className="field">
          <legend>A new co-facilitator gets</legend>
          {RIGHTS.map((r) => (
            <label key={r} className="radio">
              <input type="checkbox" checked={rights.includes(r)} onChange={(e) => toggle(r, e.target.checked)} data-testid={`right-${r}`} /> {RIGHT_LABELS[r]}
            </label>
          ))}
          <label>
            for{' '}
            <input type="number" min={1} max={72} value={hours} onChange={(e) => setHours(Math.max(1, Math.min(72, Math.floor(Number(e.target.value) || 1))))} data-testid="delegation-hours" /> hours
          </label>
        </fieldset>
      )}
      <table className="roster-table" data-testid="facilitators-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Facilitation</th>
            {isPrimary && <th scope="col">Change</th>}
          </tr>
        </thead>
        <tbody>
          {candidates.map((p) => {
            const key = p.publicKey ?? '';
            const co = state.coFacilitators.find((c) => c.publicKey === key);
            const active = co !== undefined && now <= co.expiresAt;
            const who: Delegate = { participantId: p.id, name: p.name, publicKey: key };
            return (
              <tr key={p.id} data-testid="facilitator-row" data-participant={p.name}>
                <td>{p.name}</td>
                <td>
                  <code>{keyFingerprint(key)}</code>
                </td>
                <td data-testid="delegation-state">
                  {co ? (active ? `Co-facilitator (${rightsText(co.rights)}) until ${clockTime(co.expiresAt)}` : `Co-facilitator until ${clockTime(co.expiresAt)}: ended`) : '—'}
                </td>
                {isPrimary && (
                  <td>
                    {active ? (
                      <button type="button" onClick={() => void run('Ending the delegation', () => actions.revoke(key), `${p.name} no longer co-facilitates.`)} data-testid="revoke">
                        End
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={rights.length === 0}
                        onClick={() => void run('Making a co-facilitator', () => actions.delegate(who, rights, hours), `${p.name} co-facilitates for ${hours} hours.`)}
                        data-testid="delegate"
                      >
                        Make co-facilitator
                      </button>
                    )}{' '}
                    <button type="button" onClick={() => setHandingTo(who)} data-testid="hand-over">
                      Hand over…
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {candidates.length === 0 && <p className="hint">Nobody else here has a signing key yet.</p>}
      {!isPrimary && <p className="hint">Only the facilitator can name co-facilitators or hand the workshop over.</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="facilitators-close">
          Close
        </button>
      </div>
      {handingTo && (
        <ConfirmDialog
          title={`Hand the workshop over to ${handingTo.name}?`}
          confirmLabel={`Hand over to ${handingTo.name}`}
          message={`${handingTo.name} (key ${keyFingerprint(handingTo.publicKey)}) becomes the facilitator, for everyone. From then on this device’s facilitator actions are refused; only ${handingTo.name} can give them back.`}
          onCancel={() => setHandingTo(null)}
          onConfirm={() => {
            const to = handingTo;
            setHandingTo(null);
            void run('Handing the workshop over', () => actions.handOver(to), `${to.name} now facilitates this workshop.`);
          }}
        />
      )}
    </Dialog>
  );
}
