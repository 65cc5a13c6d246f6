// The charter of the open workshop: your signing identity, the draft with its findings and the
// roster, the facilitator's freeze (confirmed with what changed), every frozen version to read,
// sign, seal and export, and a verifier for charter files. Shown in place of the board; the board stays mounted behind it.
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/charter';
import { useLocale, useT } from '../../core/i18n';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useBoard } from '../board';
import { IdentityPanel, myParticipantId } from '../identity';
import { draftOf, type PreparedFreeze } from './charterActions';
import { useCharterService } from './charterContext';
import { latestStanding, standingOf } from './charterStore';
import { FreezeDialog } from './FreezeDialog';
import { DraftPanel } from './DraftPanel';
import { RosterPanel } from './RosterPanel';
import { VerifyPanel } from './VerifyPanel';
import { VersionPanel } from './VersionPanel';
import './charter.css';

function CharterBody() {
  const t = useT();
  const { store, actions } = useCharterService();
  const state = useStore(store);
  const snapshot = useBoard((s) => s.snapshot);
  const me = myParticipantId();
  // The facilitator's power over the charter is by key (or a co-facilitator's delegation), never by side.
  const isFacilitator = state.authority.mayCharter;
  const draft = useMemo(() => draftOf(state, snapshot), [state, snapshot]);
  const agreed = draft.content.sections.reduce((n, s) => n + s.items.length, 0);
  const latest = latestStanding(state);
  const versions = [...state.ledger.versions].reverse();
  const byDigest = new Map(state.ledger.versions.map((v) => [v.frozen.digest, v]));
  const [prepared, setPrepared] = useState<PreparedFreeze | null>(null);
  // The charter's own language, which the facilitator picks for the next version (it is frozen with
  // it); until they do, the language they work in.
  const locale = useLocale();
  const [language, setLanguage] = useState<DocumentLanguage>(() => (DOCUMENT_LANGUAGES as readonly string[]).includes(locale) ? (locale as DocumentLanguage) : 'en');
  const onFreeze = () => {
    try {
      setPrepared(actions.prepareFreeze(state, snapshot, language));
    } catch (e) {
      notifyError(describeError(e, t('charter.doing.freeze')));
    }
  };
  const confirmFreeze = () => {
    if (!prepared) return;
    setPrepared(null);
    actions.freeze(prepared).then(
      () => notifyInfo(t('charter.frozen', { version: prepared.frozen.charter.version })),
      (e: unknown) => notifyError(describeError(e, t('charter.doing.freeze'))),
    );
  };
  return (
    <>
      <IdentityPanel />
      {state.ledger.damaged.map((d) => (
        <p role="alert" key={d.digest}>
          {t.rich('charter.page.damaged', {
            digest: <code translate="no">{d.digest.slice(0, 12)}…</code>,
            problem: (
              <span translate="no" lang="en">
                {d.problem}
              </span>
            ),
          })}
        </p>
      ))}
      <div className="charter-columns">
        <div>
          <DraftPanel state={state} findings={draft.findings} content={draft.content} agreedCount={agreed} nextVersion={(latest?.frozen.charter.version ?? 0) + 1} isFacilitator={isFacilitator} language={language} onLanguage={setLanguage} onFreeze={onFreeze} />
          <RosterPanel state={state} me={me} isFacilitator={isFacilitator} />
        </div>
        <div>
          {versions.length === 0 && <p className="charter-panel">{t('charter.page.noVersion')}</p>}
          {versions.map((v) => (
            <VersionPanel
              key={v.frozen.digest}
              version={v}
              me={me}
              standing={standingOf(v, state.authority)}
              previous={v.frozen.charter.previousDigest ? (byDigest.get(v.frozen.charter.previousDigest) ?? null) : null}
            />
          ))}
          <VerifyPanel />
        </div>
      </div>
      {prepared && <FreezeDialog prepared={prepared} onConfirm={confirmFreeze} onCancel={() => setPrepared(null)} />}
    </>
  );
}

export function CharterPage({ onBack }: { readonly onBack: () => void }) {
  const t = useT();
  const title = useBoard((s) => s.snapshot.meta.title);
  return (
    <div className="charter-page" data-testid="charter-page">
      <div className="board-toolbar" role="toolbar" aria-label={t('charter.page.toolbar')}>
        <button type="button" onClick={onBack} data-testid="back-to-board">
          {t('charter.page.back')}
        </button>
        <h1 className="board-title">{t('charter.page.title', { title })}</h1>
      </div>
      <CharterBody />
    </div>
  );
}
