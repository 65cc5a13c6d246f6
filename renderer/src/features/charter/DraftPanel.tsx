// The draft: purpose, scope and review date (stored in the doc, so the room shares them), the
// quorum rule to freeze with, what would make the charter weak, and the facilitator's freeze.
import { useState } from 'react';
import type { CharterFinding, DraftField, QuorumRule } from '../../../../shared/charter';
import { notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useCharterService } from './charterContext';
import type { CharterViewState } from './charterStore';

function TextSetting({ field, label, value, multiline }: { field: DraftField; label: string; value: string; multiline?: boolean }) {
  const { actions } = useCharterService();
  // Keyed by the stored value by its parent, so a change from the room starts it afresh.
  const [text, setText] = useState(value);
  const save = () => {
    if (text === value) return;
    try {
      actions.setDraftText(field, text);
    } catch (e) {
      notifyError(describeError(e, `Saving the ${label.toLowerCase()}`));
    }
  };
  const id = `charter-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} onBlur={save} />
      ) : (
        <input id={id} type={field === 'reviewDate' ? 'date' : 'text'} value={text} onChange={(e) => setText(e.target.value)} onBlur={save} />
      )}
    </div>
  );
}

function QuorumSettings({ rule, disabled }: { rule: QuorumRule; disabled: boolean }) {
  const { actions } = useCharterService();
  const update = (change: Partial<QuorumRule>) => {
    try {
      actions.setQuorum({ ...rule, ...change });
    } catch (e) {
      notifyError(describeError(e, 'Changing the quorum'));
    }
  };
  const count = (value: string) => Math.max(0, Math.min(1000, Math.floor(Number(value) || 0)));
  return (
    <fieldset className="field quorum-settings" disabled={disabled}>
      <legend>Quorum for the next version</legend>
      <label>
        IT signers at least <input type="number" min={0} value={rule.minIT} onChange={(e) => update({ minIT: count(e.target.value) })} />
      </label>
      <label>
        OT signers at least <input type="number" min={0} value={rule.minOT} onChange={(e) => update({ minOT: count(e.target.value) })} />
      </label>
      <label className="radio">
        <input type="checkbox" checked={rule.facilitator} onChange={(e) => update({ facilitator: e.target.checked })} /> The facilitator signs
      </label>
      <label className="radio">
        <input type="checkbox" checked={rule.requireSeal} onChange={(e) => update({ requireSeal: e.target.checked })} /> A facilitator seals the signatures
      </label>
    </fieldset>
  );
}

interface DraftPanelProps {
  readonly state: CharterViewState;
  readonly findings: readonly CharterFinding[];
  readonly agreedCount: number;
  readonly nextVersion: number;
  readonly isFacilitator: boolean;
  readonly onFreeze: () => void;
}

export function DraftPanel({ state, findings, agreedCount, nextVersion, isFacilitator, onFreeze }: DraftPanelProps) {
  const { settings } = state;
  return (
    <section className="charter-panel" aria-labelledby="draft-heading" data-testid="charter-draft">
      <h2 id="draft-heading">Draft (from {agreedCount} agreed card{agreedCount === 1 ? '' : 's'})</h2>
      <TextSetting key={`purpose:${settings.purpose}`} field="purpose" label="Purpose" value={settings.purpose} multiline />
      <TextSetting key={`scope:${settings.scope}`} field="scope" label="Scope" value={settings.scope} multiline />
      <TextSetting key={`reviewDate:${settings.reviewDate}`} field="reviewDate" label="Review date" value={settings.reviewDate} />
      <QuorumSettings rule={settings.quorum} disabled={!isFacilitator} />
      <h3>What would make this charter weak</h3>
      {findings.length === 0 ? (
        <p data-testid="findings">Nothing: every check passes.</p>
      ) : (
        <ul className="findings" data-testid="findings">
          {findings.map((f, i) => (
            <li key={i} data-code={f.code}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {state.roster.withoutKey.length > 0 && <p className="hint">No signing key yet, so not on a frozen charter: {state.roster.withoutKey.join(', ')}.</p>}
      {isFacilitator ? (
        <button type="button" className="primary" onClick={onFreeze} data-testid="freeze">
          Freeze version {nextVersion}
        </button>
      ) : (
        <p className="hint">The facilitator freezes the draft into a version for everyone to sign.</p>
      )}
    </section>
  );
}
