// The draft: purpose, scope and review date (stored in the doc, so the room shares them), the
// quorum rule to freeze with (the facilitator's signed choice), what would make the charter
// weak, and the facilitator's freeze.
import { useState } from 'react';
import { belowFloor, charterWords, DOCUMENT_LANGUAGES, quorumProblem, type CharterFinding, type DocumentLanguage, type DraftField, type QuorumRule } from '../../../../shared/charter';
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

/**
 * The quorum the next version freezes with. Raising it is free; going below the default (one IT
 * and one OT signer, the facilitator, a seal) needs a written reason, which is frozen into the
 * version and shown as "reduced quorum" by every verifier. Applied as a signed action.
 */
function QuorumSettings({ rule, disabled }: { rule: QuorumRule; disabled: boolean }) {
  const { actions } = useCharterService();
  // Edited here and applied as a whole: a lowered rule goes out only with its reason.
  const [draft, setDraft] = useState(rule);
  const update = (change: Partial<QuorumRule>) => setDraft({ ...draft, ...change });
  const below = belowFloor(draft);
  const problem = quorumProblem(draft);
  const changed = JSON.stringify(draft) !== JSON.stringify(rule);
  const apply = () => {
    const { reducedReason, ...rest } = draft;
    const next = below.length > 0 && reducedReason ? { ...rest, reducedReason: reducedReason.trim() } : rest;
    actions.setQuorum(next).catch((e: unknown) => notifyError(describeError(e, 'Changing the quorum')));
  };
  const count = (value: string) => Math.max(0, Math.min(1000, Math.floor(Number(value) || 0)));
  return (
    <fieldset className="field quorum-settings" disabled={disabled} data-testid="quorum-settings">
      <legend>Quorum for the next version</legend>
      <label>
        IT signers at least <input type="number" min={0} value={draft.minIT} onChange={(e) => update({ minIT: count(e.target.value) })} data-testid="quorum-it" />
      </label>
      <label>
        OT signers at least <input type="number" min={0} value={draft.minOT} onChange={(e) => update({ minOT: count(e.target.value) })} data-testid="quorum-ot" />
      </label>
      <label className="radio">
        <input type="checkbox" checked={draft.facilitator} onChange={(e) => update({ facilitator: e.target.checked })} /> The facilitator signs
      </label>
      <label className="radio">
        <input type="checkbox" checked={draft.requireSeal} onChange={(e) => update({ requireSeal: e.target.checked })} /> The facilitator seals the signatures
      </label>
      {below.length > 0 && (
        <div className="reduced-quorum" role="note" data-testid="quorum-reduced">
          <p>Below the default: {below.join('; ')}. Every verifier will show this version as a REDUCED QUORUM with your reason.</p>
          <label className="field">
            Why (frozen into the version, one line)
            <input
              type="text"
              maxLength={1000}
              value={draft.reducedReason ?? ''}
              onChange={(e) => update({ reducedReason: e.target.value.replace(/[\r\n]+/g, ' ') })}
              data-testid="quorum-reason"
            />
          </label>
        </div>
      )}
      {changed && (
        <button type="button" onClick={apply} disabled={problem !== null} title={problem ?? undefined} data-testid="quorum-apply">
          Apply quorum
        </button>
      )}
    </fieldset>
  );
}

interface DraftPanelProps {
  readonly state: CharterViewState;
  readonly findings: readonly CharterFinding[];
  readonly agreedCount: number;
  readonly nextVersion: number;
  readonly isFacilitator: boolean;
  /** The document language the next version is frozen in. */
  readonly language: DocumentLanguage;
  readonly onLanguage: (language: DocumentLanguage) => void;
  readonly onFreeze: () => void;
}

export function DraftPanel({ state, findings, agreedCount, nextVersion, isFacilitator, language, onLanguage, onFreeze }: DraftPanelProps) {
  const { settings } = state;
  return (
    <section className="charter-panel" aria-labelledby="draft-heading" data-testid="charter-draft">
      <h2 id="draft-heading">Draft (from {agreedCount} agreed card{agreedCount === 1 ? '' : 's'})</h2>
      <TextSetting key={`purpose:${settings.purpose}`} field="purpose" label="Purpose" value={settings.purpose} multiline />
      <TextSetting key={`scope:${settings.scope}`} field="scope" label="Scope" value={settings.scope} multiline />
      <TextSetting key={`reviewDate:${settings.reviewDate}`} field="reviewDate" label="Review date" value={settings.reviewDate} />
      <QuorumSettings key={JSON.stringify(state.quorum)} rule={state.quorum} disabled={!isFacilitator} />
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
        <>
          <div className="field">
            <label htmlFor="charter-language">Document language (headings and labels of the PDF and Markdown, frozen with the version)</label>
            <select id="charter-language" value={language} onChange={(e) => onLanguage(e.target.value as DocumentLanguage)} data-testid="charter-language">
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {charterWords(l).name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="primary" onClick={onFreeze} data-testid="freeze">
            Freeze version {nextVersion}
          </button>
        </>
      ) : (
        <p className="hint">The facilitator (or a co-facilitator with the right) sets the quorum and freezes the draft into a version for everyone to sign.</p>
      )}
    </section>
  );
}
