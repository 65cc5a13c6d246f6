// Opens a workshop from storage for as long as its board is shown, and closes it (flushing and
// compacting) when the user leaves. A workshop whose stored changes are damaged does not open;
// the user is offered to recover what can be read, then it opens.
import { Suspense, lazy, useEffect, useState } from 'react';
import { useHost } from '../../app/hostContext';
import { HostError } from '../../host/Host';
import { notifyError, notifyInfo } from '../../app/uiStore';
import { describeError } from '../../ui/describeError';
import { currentAuthor } from '../profile/profileStore';
import { exportWorkshop } from '../workshops/workshopFiles';
import { BoardView } from './BoardView';
import { CharterButton } from '../charter/CharterButton';
import { openWorkshopSession, type WorkshopSession } from './workshopSession';
import { RoomContext, useRoomForSession } from '../room/roomContext';
import { RoomToolbar } from '../room/RoomToolbar';
import { ParticipantsPanel } from '../room/ParticipantsPanel';
import { useBoardLocation } from '../room/useBoardLocation';
import { FacilitationContext } from '../facilitation/facilitationContext';
import { useFacilitationForBoard } from '../facilitation/useFacilitationForBoard';
import { FacilitationPanel } from '../facilitation/FacilitationPanel';

// Loaded on first use: the charter brings pdf-lib, which the board itself never needs.
const CharterPage = lazy(() => import('../charter/CharterPage').then((m) => ({ default: m.CharterPage })));

export function BoardPage({ workshopId, onBack }: { readonly workshopId: string; readonly onBack: () => void }) {
  const host = useHost();
  const [session, setSession] = useState<WorkshopSession | null>(null);
  const [failure, setFailure] = useState<{ readonly message: string; readonly damaged: boolean } | null>(null);
  // Bumped to open the workshop again, after a recovery.
  const [attempt, setAttempt] = useState(0);
  const [charterOpen, setCharterOpen] = useState(false);
  // The room lives as long as the session: peers, presence, and where I am on the board.
  const room = useRoomForSession(host, session);
  useBoardLocation(room);
  // Phases, timer, votes and balance, signed by the facilitator and checked by every peer.
  const facilitation = useFacilitationForBoard(host, session, room);

  useEffect(() => {
    let cancelled = false;
    let opened: WorkshopSession | null = null;
    const onError = (e: unknown) => notifyError(describeError(e, 'Saving'));
    host.storage
      .list()
      .then((all) => {
        const summary = all.find((s) => s.id === workshopId);
        if (!summary) throw new Error('missing');
        return openWorkshopSession(host, summary, currentAuthor, onError);
      })
      .then(
        (s) => {
          if (cancelled) return void s.close();
          opened = s;
          setSession(s);
        },
        (e: unknown) => {
          if (cancelled) return;
          if (e instanceof Error && e.message === 'missing') setFailure({ message: 'This workshop does not exist (any more).', damaged: false });
          else setFailure({ message: describeError(e, 'Opening the workshop'), damaged: e instanceof HostError && e.code === 'corrupt' });
        },
      );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [host, workshopId, attempt]);

  if (failure) {
    const reopen = () => {
      setFailure(null);
      setAttempt((n) => n + 1);
    };
    return <OpenFailure failure={failure} workshopId={workshopId} onRecovered={reopen} onBack={onBack} />;
  }
  if (!session) return <main className="page" aria-busy="true">Opening workshop…</main>;
  const onExport = () => {
    exportWorkshop(host, session.store).then(
      (saved) => saved && notifyInfo('Workshop file exported.'),
      (e: unknown) => notifyError(describeError(e, 'Exporting')),
    );
  };
  return (
    <RoomContext.Provider value={room}>
      <FacilitationContext.Provider value={facilitation}>
        <main className="page page-board room-layout">
          <div className="board-column">
            {/* Hidden, not unmounted, while the charter is shown: the board keeps its state. */}
            <div style={{ display: charterOpen ? 'none' : 'contents' }}>
              <FacilitationPanel />
              <BoardView session={session} onExport={onExport} onBack={onBack} toolbarExtra={<><RoomToolbar /><CharterButton doc={session.store.doc} onOpen={() => setCharterOpen(true)} /></>} />
            </div>
            {charterOpen && (
              <Suspense fallback={<p aria-busy="true">Opening the charter…</p>}>
                <CharterPage session={session} onBack={() => setCharterOpen(false)} />
              </Suspense>
            )}
          </div>
          <ParticipantsPanel board={session.store} />
        </main>
      </FacilitationContext.Provider>
    </RoomContext.Provider>
  );
}

interface OpenFailureProps {
  readonly failure: { readonly message: string; readonly damaged: boolean };
  readonly workshopId: string;
  readonly onRecovered: () => void;
  readonly onBack: () => void;
}

/** Why the workshop did not open; for damaged storage, the way to recover what still reads. */
function OpenFailure({ failure, workshopId, onRecovered, onBack }: OpenFailureProps) {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recover = () => {
    setBusy(true);
    setError(null);
    host.storage.recover(workshopId).then(
      (report) => {
        const kept = `${report.keptUpdates} stored change${report.keptUpdates === 1 ? '' : 's'} kept`;
        notifyInfo(`Workshop recovered: ${kept}, ${report.skippedBytes} damaged bytes set aside.`);
        onRecovered();
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeError(e, 'Recovering the workshop'));
      },
    );
  };
  return (
    <main className="page" data-testid="open-failure">
      <h1>The workshop did not open</h1>
      <p role="alert">{failure.message}</p>
      {failure.damaged && (
        <>
          <p>
            Recovering keeps every stored change that still reads and sets the damaged part aside; it is not deleted. Changes that depended on it
            come back when someone who has them joins this workshop&rsquo;s room.
          </p>
          {error && <p role="alert">{error}</p>}
          {/* aria-disabled, not disabled: the button keeps focus while recovery runs. */}
          <button type="button" onClick={() => !busy && recover()} aria-disabled={busy} data-testid="recover-workshop">
            {busy ? 'Recovering…' : 'Recover what can be read'}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={onBack}>
        Back to workshops
      </button>
    </main>
  );
}
