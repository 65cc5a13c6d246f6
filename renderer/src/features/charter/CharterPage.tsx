// The charter of the open workshop: your signing identity, the draft with its findings and the
// roster, the facilitator's freeze, every frozen version to read, sign, seal and export, and a
// verifier for charter files. Shown in place of the board; the board stays mounted behind it.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { latestVersion } from '../../../../shared/charter';
import { notifyError, notifyInfo } from '../../core/notices';
import { describeError } from '../../core/describeError';
import { useBoard } from '../board';
import { IdentityPanel, myParticipantId } from '../identity';
import { draftOf } from './charterActions';
import { useCharterService } from './charterContext';
import { DraftPanel } from './DraftPanel';
import { RosterPanel } from './RosterPanel';
import { VerifyPanel } from './VerifyPanel';
import { VersionPanel } from './VersionPanel';
import './charter.css';

function CharterBody() {
  const { store, actions } = useCharterService();
  const state = useStore(store);
  const snapshot = useBoard((s) => s.snapshot);
  const me = myParticipantId();
  const isFacilitator = state.boardRoster.some((p) => p.id === me && p.side === 'facilitator');
  const draft = useMemo(() => draftOf(state, snapshot), [state, snapshot]);
  const agreed = draft.content.sections.reduce((n, s) => n + s.items.length, 0);
  const latest = latestVersion(state.ledger);
  const versions = [...state.ledger.versions].reverse();
  const byDigest = new Map(state.ledger.versions.map((v) => [v.frozen.digest, v]));
  const onFreeze = () => {
    try {
      const frozen = actions.freeze(state, snapshot);
      notifyInfo(`Version ${frozen.charter.version} frozen. Everyone can now read and sign it.`);
    } catch (e) {
      notifyError(describeError(e, 'Freezing the charter'));
    }
  };
  return (
    <>
      <IdentityPanel />
      {state.ledger.damaged.map((d) => (
        <p role="alert" key={d.digest}>
          A stored version ({d.digest.slice(0, 12)}…) cannot be trusted: {d.problem}.
        </p>
      ))}
      <div className="charter-columns">
        <div>
          <DraftPanel state={state} findings={draft.findings} agreedCount={agreed} nextVersion={(latest?.frozen.charter.version ?? 0) + 1} isFacilitator={isFacilitator} onFreeze={onFreeze} />
          <RosterPanel state={state} me={me} isFacilitator={isFacilitator} />
        </div>
        <div>
          {versions.length === 0 && <p className="charter-panel">No version is frozen yet.</p>}
          {versions.map((v) => (
            <VersionPanel key={v.frozen.digest} version={v} me={me} previous={v.frozen.charter.previousDigest ? (byDigest.get(v.frozen.charter.previousDigest) ?? null) : null} />
          ))}
          <VerifyPanel />
        </div>
      </div>
    </>
  );
}

export function CharterPage({ onBack }: { readonly onBack: () => void }) {
  const title = useBoard((s) => s.snapshot.meta.title);
  return (
    <div className="charter-page" data-testid="charter-page">
      <div className="board-toolbar" role="toolbar" aria-label="Charter">
        <button type="button" onClick={onBack} data-testid="back-to-board">
          ← Board
        </button>
        <h1 className="board-title">Charter: {title}</h1>
      </div>
      <CharterBody />
    </div>
  );
}
