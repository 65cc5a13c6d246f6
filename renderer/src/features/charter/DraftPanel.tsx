// The draft: purpose, scope and review date (stored in the doc, so the room shares them), the
// quorum rule to freeze with (the facilitator's signed choice), what would make the charter
// weak, and the facilitator's freeze.
import { useRef, useState, type RefObject } from 'react';
import { charterWords, DOCUMENT_LANGUAGES, floorGaps, type CharterContent, type CharterFinding, type DocumentLanguage, type DraftField, type QuorumRule } from '../../../../shared/charter';
import { useFormat, useT } from '../../core/i18n';
import { notifyError } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useKeepFocus } from '../../ui/useKeepFocus';
import { useCharterService } from './charterContext';
import type { CharterViewState } from './charterStore';
import { belowFloorText, findingText, quorumProblemText } from './charterWording';

function TextSetting({ field, label, doing, value, multiline }: { field: DraftField; label: string; doing: string; value: string; multiline?: boolean }) {
  const { actions } = useCharterService();
  // Keyed by the stored value by its parent, so a change from the room starts it afresh.
  const [text, setText] = useState(value);
  const save = () => {
    if (text === value) return;
    try {
      actions.setDraftText(field, text);
    } catch (e) {
      notifyError(describeError(e, doing));
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
function QuorumSettings({ rule, disabled, fieldsetRef }: { rule: QuorumRule; disabled: boolean; fieldsetRef: RefObject<HTMLFieldSetElement | null> }) {
  const t = useT();
  const format = useFormat();
  const { actions } = useCharterService();
  // Edited here and applied as a whole: a lowered rule goes out only with its reason.
  const [draft, setDraft] = useState(rule);
  const update = (change: Partial<QuorumRule>) => setDraft({ ...draft, ...change });
  const below = floorGaps(draft);
  const problem = quorumProblemText(t, format, draft);
  const changed = JSON.stringify(draft) !== JSON.stringify(rule);
  const apply = () => {
    const { reducedReason, ...rest } = draft;
    const next = below.length > 0 && reducedReason ? { ...rest, reducedReason: reducedReason.trim() } : rest;
    actions.setQuorum(next).catch((e: unknown) => notifyError(describeError(e, t('charter.doing.quorum'))));
  };
  const count = (value: string) => Math.max(0, Math.min(1000, Math.floor(Number(value) || 0)));
  return (
    <fieldset className="field quorum-settings" disabled={disabled} data-testid="quorum-settings" ref={fieldsetRef}>
      <legend>{t('charter.quorum.legend')}</legend>
      <label>
        {t('charter.quorum.minIT')} <input type="number" min={0} value={draft.minIT} onChange={(e) => update({ minIT: count(e.target.value) })} data-testid="quorum-it" />
      </label>
      <label>
        {t('charter.quorum.minOT')} <input type="number" min={0} value={draft.minOT} onChange={(e) => update({ minOT: count(e.target.value) })} data-testid="quorum-ot" />
      </label>
      <label className="radio">
        <input type="checkbox" checked={draft.facilitator} onChange={(e) => update({ facilitator: e.target.checked })} /> {t('charter.quorum.facilitatorSigns')}
      </label>
      <label className="radio">
        <input type="checkbox" checked={draft.requireSeal} onChange={(e) => update({ requireSeal: e.target.checked })} /> {t('charter.quorum.seal')}
      </label>
      {below.length > 0 && (
        <div className="reduced-quorum" role="note" data-testid="quorum-reduced">
          <p>{t('charter.quorum.below', { gaps: belowFloorText(t, format, draft) })}</p>
          <label className="field">
            {t('charter.quorum.reason')}
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
          {t('charter.quorum.apply')}
        </button>
      )}
    </fieldset>
  );
}

interface DraftPanelProps {
  readonly state: CharterViewState;
  readonly findings: readonly CharterFinding[];
  /** The draft the findings are about, to word them. */
  readonly content: CharterContent;
  readonly agreedCount: number;
  readonly nextVersion: number;
  readonly isFacilitator: boolean;
  /** The document language the next version is frozen in. */
  readonly language: DocumentLanguage;
  readonly onLanguage: (language: DocumentLanguage) => void;
  readonly onFreeze: () => void;
}

export function DraftPanel({ state, findings, content, agreedCount, nextVersion, isFacilitator, language, onLanguage, onFreeze }: DraftPanelProps) {
  const t = useT();
  const format = useFormat();
  const { settings } = state;
  // The quorum settings start afresh (a new key) once a rule is applied, and "Apply quorum" is
  // gone: the focus stays in the new settings.
  const quorumSettings = useRef<HTMLFieldSetElement>(null);
  useKeepFocus(quorumSettings);
  return (
    <section className="charter-panel" aria-labelledby="draft-heading" data-testid="charter-draft">
      <h2 id="draft-heading">{t('charter.draft.heading', { count: agreedCount })}</h2>
      <TextSetting key={`purpose:${settings.purpose}`} field="purpose" label={t('charter.draft.purpose')} doing={t('charter.doing.purpose')} value={settings.purpose} multiline />
      <TextSetting key={`scope:${settings.scope}`} field="scope" label={t('charter.draft.scope')} doing={t('charter.doing.scope')} value={settings.scope} multiline />
      <TextSetting key={`reviewDate:${settings.reviewDate}`} field="reviewDate" label={t('charter.draft.reviewDate')} doing={t('charter.doing.reviewDate')} value={settings.reviewDate} />
      <QuorumSettings key={JSON.stringify(state.quorum)} rule={state.quorum} disabled={!isFacilitator} fieldsetRef={quorumSettings} />
      <h3>{t('charter.draft.findings')}</h3>
      {findings.length === 0 ? (
        <p data-testid="findings">{t('charter.draft.noFindings')}</p>
      ) : (
        <ul className="findings" data-testid="findings">
          {findings.map((f, i) => (
            <li key={i} data-code={f.code}>
              {findingText(t, format, f, content)}
            </li>
          ))}
        </ul>
      )}
      {state.roster.withoutKey.length > 0 && <p className="hint">{t('charter.draft.withoutKey', { names: format.list(state.roster.withoutKey) })}</p>}
      {isFacilitator ? (
        <>
          <div className="field">
            <label htmlFor="charter-language">{t('charter.draft.language')}</label>
            <select id="charter-language" value={language} onChange={(e) => onLanguage(e.target.value as DocumentLanguage)} data-testid="charter-language">
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l} translate="no">
                  {charterWords(l).name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="primary" onClick={onFreeze} data-testid="freeze">
            {t('charter.draft.freeze', { version: nextVersion })}
          </button>
        </>
      ) : (
        <p className="hint">{t('charter.draft.notFacilitator')}</p>
      )}
    </section>
  );
}
