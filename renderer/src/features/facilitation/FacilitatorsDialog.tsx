// Who holds the facilitator's authority, and the facilitator's controls for it: make someone a
// co-facilitator (which rights, for how long), end a delegation, or hand the whole workshop over.
// Each is a signed action every peer enforces; only the facilitator (not a co-facilitator) can
// take them. Someone without a signing key on the roster cannot be named: their actions could
// not be checked.
import { useState } from 'react';
import { RIGHTS, type Right } from '../../../../shared/facilitation';
import { announce, notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useFormat, useT, type Formatter, type MessageKey, type Translate } from '../../core/i18n';
import { Dialog } from '../../ui/Dialog';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { keyFingerprint } from './keyFingerprint';
import type { Delegate } from './facilitationActions';

const RIGHT_LABELS: Record<Right, MessageKey> = {
  run: 'facilitation.right.run',
  votes: 'facilitation.right.votes',
  charter: 'facilitation.right.charter',
};

const RIGHT_NAMES: Record<Right, MessageKey> = {
  run: 'facilitation.rightName.run',
  votes: 'facilitation.rightName.votes',
  charter: 'facilitation.rightName.charter',
};

export const rightsText = (t: Translate, format: Formatter, rights: readonly Right[]): string => format.list(rights.map((r) => t(RIGHT_NAMES[r])), 'unit');

export function FacilitatorsDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  // A delegation ends within 72 hours: the date is shown too, in case that is tomorrow.
  const clockTime = (ms: number): string => format.dateTime(ms, 'short', 'short');
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
    <Dialog title={t('facilitation.people.title')} onClose={onClose} testId="facilitators-dialog">
      <p>
        {t.rich('facilitation.people.facilitator', { name: <strong>{facilitator?.name ?? t('facilitation.people.nobody')}</strong> })}
        {facilitator && (
          <>
            {' · '}
            {t.rich('facilitation.people.key', { key: <code translate="no">{facilitator.fingerprint}</code> })}
          </>
        )}
        {facilitator?.since === 'handover' ? ` ${t('facilitation.people.handedOver')}` : ''}
      </p>
      {isPrimary && (
        <fieldset className="field">
          <legend>{t('facilitation.people.gets')}</legend>
          {RIGHTS.map((r) => (
            <label key={r} className="radio">
              <input type="checkbox" checked={rights.includes(r)} onChange={(e) => toggle(r, e.target.checked)} data-testid={`right-${r}`} /> {t(RIGHT_LABELS[r])}
            </label>
          ))}
          <label>
            {t('facilitation.people.for')}{' '}
            <input type="number" min={1} max={72} value={hours} onChange={(e) => setHours(Math.max(1, Math.min(72, Math.floor(Number(e.target.value) || 1))))} data-testid="delegation-hours" />{' '}
            {t('facilitation.people.hours', { count: hours })}
          </label>
        </fieldset>
      )}
      <table className="roster-table" data-testid="facilitators-table">
        <thead>
          <tr>
            <th scope="col">{t('facilitation.people.name')}</th>
            <th scope="col">{t('facilitation.people.keyColumn')}</th>
            <th scope="col">{t('facilitation.people.facilitation')}</th>
            {isPrimary && <th scope="col">{t('facilitation.people.change')}</th>}
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
                  <code translate="no">{keyFingerprint(key)}</code>
                </td>
                <td data-testid="delegation-state">
                  {co ? (active ? t('facilitation.people.active', { rights: rightsText(t, format, co.rights), until: clockTime(co.expiresAt) }) : t('facilitation.people.ended', { until: clockTime(co.expiresAt) })) : '—'}
                </td>
                {isPrimary && (
                  <td>
                    {active ? (
                      <button type="button" onClick={() => void run(t('facilitation.doing.revoke'), () => actions.revoke(key), t('facilitation.people.revoked', { name: p.name }))} data-testid="revoke">
                        {t('facilitation.people.end')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={rights.length === 0}
                        onClick={() => void run(t('facilitation.doing.delegate'), () => actions.delegate(who, rights, hours), t('facilitation.people.delegated', { name: p.name, hours }))}
                        data-testid="delegate"
                      >
                        {t('facilitation.people.delegate')}
                      </button>
                    )}{' '}
                    <button type="button" onClick={() => setHandingTo(who)} data-testid="hand-over">
                      {t('facilitation.people.handOver')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {candidates.length === 0 && <p className="hint">{t('facilitation.people.nobodyElse')}</p>}
      {!isPrimary && <p className="hint">{t('facilitation.people.onlyFacilitator')}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="facilitators-close">
          {t('common.close')}
        </button>
      </div>
      {handingTo && (
        <ConfirmDialog
          title={t('facilitation.handOver.title', { name: handingTo.name })}
          confirmLabel={t('facilitation.handOver.confirm', { name: handingTo.name })}
          message={t('facilitation.handOver.message', { name: handingTo.name, key: keyFingerprint(handingTo.publicKey) })}
          onCancel={() => setHandingTo(null)}
          onConfirm={() => {
            const to = handingTo;
            setHandingTo(null);
            void run(t('facilitation.doing.handOver'), () => actions.handOver(to), t('facilitation.handOver.done', { name: to.name }));
          }}
        />
      )}
    </Dialog>
  );
}
