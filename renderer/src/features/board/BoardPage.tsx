// Opens a workshop from storage for as long as its board is shown, and closes it (flushing and
// compacting) when the user leaves.
import { Suspense, lazy, useEffect, useState } from 'react';
import { useHost } from '../../app/hostContext';
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
  const [failure, setFailure] = useState<string | null>(null);
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
          if (!cancelled) setFailure(e instanceof Error && e.message === 'missing' ? 'This workshop does not exist (any more).' : describeError(e, 'Opening the workshop'));
        },
      );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [host, workshopId]);

  if (failure) {
    return (
      <main className="page">
        <p role="alert">{failure}</p>
        <button type="button" onClick={onBack}>
          Back to workshops
        </button>
      </main>
    );
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
