// The page of an open workshop: the features' views in their places, each region behind an
// error boundary, the features' contexts provided, and the board's slots filled (the room's,
// charter's, history's and export controls in its toolbar; presence and phase on sections and
// cards). The charter is shown in place of the board, which stays mounted behind it.
import { Suspense, lazy, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { readRoster } from '../../../shared/board';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useT } from '../core/i18n';
import { BoardSlotsContext, BoardStoreContext, BoardView, type BoardSlots } from '../features/board';
import { CharterButton, CharterContext, loadCharterPage } from '../features/charter';
import { FacilitationContext, FacilitationPanel } from '../features/facilitation';
import { HistoryButton, HistoryContext, HistoryPanel } from '../features/history';
import { myParticipantId } from '../features/identity';
import { CardPresence, ParticipantsPanel, RoomContext, RoomToolbar, SectionPresence, useBoardLocation } from '../features/room';
import { ExportWorkshopButton } from '../features/workshops';
import { MinutesButton } from '../features/minutes';
import { PrintButton } from '../ui/PrintButton';
import { PresentButton, type ResultsSource } from '../features/presenter';
import { minutesSource } from './minutesSource';
import type { OpenWorkshop } from './openWorkshop';

const CharterPage = lazy(loadCharterPage);

export function WorkshopLayout({ workshop, onBack }: { readonly workshop: OpenWorkshop; readonly onBack: () => void }) {
  const t = useT();
  const [charterOpen, setCharterOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  useBoardLocation(workshop.room);
  const isFacilitator = useStore(workshop.facilitation.controller.store, (v) => v.isFacilitator);
  const hasFacilitator = useStore(workshop.facilitation.controller.store, (v) => v.facilitator !== null);
  const results = useMemo<ResultsSource>(() => {
    const store = workshop.facilitation.controller.store;
    return { get: () => store.getState().results, subscribe: (listener) => store.subscribe(listener) };
  }, [workshop]);
  const slots = useMemo<BoardSlots>(
    () => ({
      toolbar: (
        <>
          <RoomToolbar />
          <CharterButton onOpen={() => setCharterOpen(true)} />
          <HistoryButton onOpen={() => setHistoryOpen(true)} />
          <MinutesButton source={() => minutesSource(workshop)} />
          <PrintButton />
          <ExportWorkshopButton />
          <PresentButton results={results} />
        </>
      ),
      SectionDecoration: SectionPresence,
      CardDecoration: CardPresence,
    }),
    [workshop, results],
  );
  const nameOf = (id: string) => readRoster(workshop.doc).find((p) => p.id === id)?.name ?? t('common.notOnRoster');
  const openHistory = { label: t('session.openHistory'), run: () => setHistoryOpen(true) };
  return (
    <BoardStoreContext.Provider value={workshop.board}>
      <BoardSlotsContext.Provider value={slots}>
        <RoomContext.Provider value={workshop.room}>
          <FacilitationContext.Provider value={workshop.facilitation}>
            <CharterContext.Provider value={workshop.charter}>
              <HistoryContext.Provider value={workshop.history}>
                <main className="page page-board room-layout">
                  <div className="board-column">
                    {workshop.schema.kind === 'newer' && (
                      <p role="alert" className="room-banner" data-testid="newer-schema">
                        {t('session.newerSchema', { version: workshop.schema.version })}
                      </p>
                    )}
                    {/* Hidden, not unmounted, while the charter is shown: the board keeps its state. */}
                    {/* board-shown: the overview fits the window only while the board is what shows. */}
                    <div className={charterOpen ? undefined : 'board-shown'} style={{ display: charterOpen ? 'none' : 'contents' }}>
                      <ErrorBoundary region="the facilitation panel" label={t('ui.region.facilitation')}>
                        <FacilitationPanel />
                      </ErrorBoundary>
                      <ErrorBoundary region="the board" label={t('ui.region.board')} recovery={openHistory}>
                        <BoardView saveState={workshop.recorder} onBack={onBack} />
                      </ErrorBoundary>
                    </div>
                    {charterOpen && (
                      <ErrorBoundary region="the charter" label={t('ui.region.charter')}>
                        {/* Print for the charter page, beside it rather than inside the charter feature. */}
                        <div className="charter-print">
                          <PrintButton />
                        </div>
                        <Suspense fallback={<p aria-busy="true">{t('session.openingCharter')}</p>}>
                          <CharterPage onBack={() => setCharterOpen(false)} />
                        </Suspense>
                      </ErrorBoundary>
                    )}
                  </div>
                  <ErrorBoundary region="the participants panel" label={t('ui.region.participants')}>
                    <ParticipantsPanel />
                  </ErrorBoundary>
                  {historyOpen && (
                    <ErrorBoundary region="the history" label={t('ui.region.history')}>
                      <HistoryPanel onClose={() => setHistoryOpen(false)} canRestore={isFacilitator || !hasFacilitator} nameOf={nameOf} myId={myParticipantId()} />
                    </ErrorBoundary>
                  )}
                </main>
              </HistoryContext.Provider>
            </CharterContext.Provider>
          </FacilitationContext.Provider>
        </RoomContext.Provider>
      </BoardSlotsContext.Provider>
    </BoardStoreContext.Provider>
  );
}
