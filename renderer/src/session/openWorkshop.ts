// Opening a workshop: the composition root of everything that lives while its board is open.
// It loads the doc from storage (checking its schema version and migrating an older one), then
// makes and wires the per-workshop services: the recorder (storage and history), the board,
// the room, facilitation, the charter, the history, and the service that keeps my key on the
// roster. Features get what they need from here; none of them reaches another's files.
import * as Y from 'yjs';
import { expireStalePending, NOTHING_PENDING } from '../../../shared/doc';
import { migrate, schemaState, type SchemaState } from '../../../shared/schema';
import { HostError, type Host, type WorkshopSummary } from '../host/Host';
import { MIGRATION, STORAGE } from '../core/origins';
import { openWorkshopVault, type WorkshopVault } from '../core/workshopVault';
import { t } from '../core/i18n';
import { createBoardStore, type BoardStore } from '../features/board';
import { createCharterService, type CharterService } from '../features/charter';
import { charterAuthorityOf } from './charterAuthority';
import { builtInPhaseTitle, createFacilitationActions, createFacilitationController, isBuiltInTitle, navigateTo, startFacilitationDuties, type Facilitation, type Me } from '../features/facilitation';
import { createHistoryService, type HistoryService } from '../features/history';
import { myParticipantId, startRosterKey } from '../features/identity';
import { currentAuthor, profileStore } from '../features/profile';
import { createRoomController, type RoomController } from '../features/room';
import { startRecorder, type WorkshopRecorder } from './workshopRecorder';

/** How often changes still waiting for their dependencies are checked (they live one to two of these). */
const PENDING_CHECK_MS = 15_000;

export interface OpenWorkshop {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly schema: SchemaState;
  readonly vault: WorkshopVault;
  readonly recorder: WorkshopRecorder;
  readonly board: BoardStore;
  readonly room: RoomController;
  readonly facilitation: Facilitation;
  readonly charter: CharterService;
  readonly history: HistoryService;
  me(): Me;
  close(): Promise<void>;
}

export async function openWorkshop(host: Host, summary: WorkshopSummary, onError: (e: unknown) => void): Promise<OpenWorkshop> {
  performance.mark('bb:load:start');
  const vault = await openWorkshopVault(host, summary.id, onError);
  const loaded = await host.storage.load(summary.id).catch((e: unknown) => {
    vault.close();
    throw e;
  });
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, loaded.state, STORAGE);
  } catch {
    vault.close();
    throw new HostError('unrecoverable', t('session.unrecoverable'));
  }
  performance.mark('bb:load:end');
  performance.measure('bb:load', 'bb:load:start', 'bb:load:end');

  // Who I am here: the room's member when I am in a room, else my profile.
  let room: RoomController | null = null;
  const me = (): Me => {
    const member = room?.store.getState().settings?.member;
    const profile = profileStore.getState().profile;
    return { participantId: myParticipantId(), name: member?.name ?? profile?.name ?? 'Anonymous', side: member?.side ?? profile?.side ?? 'facilitator' };
  };
  const recorder = startRecorder({
    host,
    doc,
    summary,
    loadedBytes: loaded.state.byteLength,
    me: myParticipantId,
    sender: () => room?.currentSender() ?? null,
    title: () => board.getState().snapshot.meta.title,
    onError,
  });
  // An older doc is brought up to this schema (stored and synced like any change); a newer one
  // is left as it is, and the board says so.
  if (schemaState(doc).kind === 'older') migrate(doc, MIGRATION);
  const schema = schemaState(doc);

  const board = createBoardStore(doc, currentAuthor);
  room = createRoomController({ host, doc, vault, guardTarget: { doc, docBytes: recorder.docBytes } });
  const controller = createFacilitationController({ host, doc, board, vault, me, navigate: navigateTo });
  const facilitation: Facilitation = { controller, actions: createFacilitationActions(controller) };
  const charter = createCharterService({ host, doc, charterId: summary.id, me: myParticipantId, authority: charterAuthorityOf(facilitation) });
  const history = createHistoryService({ host, doc, workshopId: summary.id, flush: recorder.flush });
  const stopRosterKey = startRosterKey({
    host,
    doc,
    onError,
    me: () => {
      const who = me();
      const profile = profileStore.getState().profile;
      const member = room?.store.getState().settings?.member;
      // The role the room was joined with, else the profile's (asked at first run).
      return profile || member ? { id: who.participantId, name: who.name, side: who.side, role: member?.role ?? profile?.role ?? '' } : null;
    },
  });

  if (schema.kind === 'newer') {
    // Written by a newer Bridgeboard: shown, never changed (nor synced) by this one.
    // Worded when asked, so it is in the language of that moment.
    const closed = () => t('session.newerSchemaClosed', { version: schema.kind === 'newer' ? schema.version : '' });
    board.setPolicy({ closedReason: closed, anonymous: () => false, access: () => 'read-only' });
  } else {
    room.start();
    controller.start();
  }
  const stopDuties = schema.kind === 'newer' ? () => undefined : startFacilitationDuties(controller, facilitation.actions);
  charter.start();
  const stopWiring = wireFacilitationToRoom(facilitation, room);
  const stopPinning = pinPhaseStarts(facilitation, history);
  let mark = NOTHING_PENDING;
  const pendingTimer = setInterval(() => {
    mark = expireStalePending(doc, mark).mark;
  }, PENDING_CHECK_MS);

  return {
    id: summary.id,
    doc,
    schema,
    vault,
    recorder,
    board,
    room,
    facilitation,
    charter,
    history,
    me,
    close: async () => {
      clearInterval(pendingTimer);
      stopWiring();
      stopDuties();
      stopPinning();
      stopRosterKey();
      charter.stop();
      controller.dispose();
      room?.dispose();
      history.close();
      await recorder.stop();
      board.destroy();
      await vault.flush();
      vault.close();
      doc.destroy();
      await host.storage.close(summary.id).catch(onError);
    },
  };
}

/**
 * Facilitation meets the room here: it reads the facilitator's clock and place from the room's
 * presence. A workshop made before facilitator keys has none: the device that holds it (working
 * offline or hosting its room, never a guest, whose doc may not have synced the key yet) fixes
 * its own key as the facilitator's, whatever side its profile names.
 */
function wireFacilitationToRoom({ controller, actions }: Facilitation, room: RoomController): () => void {
  let current = room.awareness();
  controller.attachAwareness(current);
  let claiming = false;
  const maybeClaim = () => {
    const view = controller.store.getState();
    const settings = room.store.getState().settings;
    const mayClaim = settings === null || settings.kind === 'host';
    if (claiming || view.facilitator || !view.myKey || !mayClaim) return;
    claiming = true;
    void actions.claim().catch(() => {
      claiming = false;
    });
  };
  const unsubscribeRoom = room.store.subscribe(() => {
    const next = room.awareness();
    if (next !== current) {
      current = next;
      controller.attachAwareness(next);
    }
    maybeClaim();
  });
  const unsubscribeFacilitation = controller.store.subscribe(maybeClaim);
  maybeClaim();
  return () => {
    unsubscribeRoom();
    unsubscribeFacilitation();
    controller.attachAwareness(null);
  };
}

/** The facilitator's app pins the start of each phase in the history, so it stays restorable. */
function pinPhaseStarts({ controller }: Facilitation, history: HistoryService): () => void {
  let phase = controller.store.getState().state.phaseId;
  return controller.store.subscribe((view) => {
    const next = view.state.phaseId;
    if (next === phase) return;
    phase = next;
    const started = view.state.agenda.phases.find((p) => p.id === next);
    if (!view.isFacilitator || !started?.title) return;
    // A pin is part of the doc, seen by everyone: its label is in the facilitator's language. A
    // built-in phase still titled as shipped is marked as such, and each reader words it (the
    // history panel), as the facilitation bar does.
    const builtIn = isBuiltInTitle(started);
    const title = builtIn ? (builtInPhaseTitle(t, started.id) ?? started.title) : started.title;
    history.pin(t('session.phasePin', { title }), controller.me().participantId, builtIn ? started.id : undefined);
  });
}
