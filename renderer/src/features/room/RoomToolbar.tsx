// The room's controls in the board's toolbar: open the room (facilitator), invite, network
// settings, and "Go offline" / "Reconnect".
import { useState } from 'react';
import './room.css';
import { useT } from '../../core/i18n';
import { useRoom, useRoomController } from './roomContext';
import { OpenRoomDialog } from './OpenRoomDialog';
import { InviteDialog } from './InviteDialog';
import { IceSettingsDialog } from './IceSettingsDialog';

type Open = 'room' | 'invite' | 'ice' | null;

export function RoomToolbar() {
  const t = useT();
  const room = useRoomController();
  const phase = useRoom((v) => v.phase);
  const settings = useRoom((v) => v.settings);
  const [open, setOpen] = useState<Open>(null);
  if (!room) return null;
  return (
    <span className="room-toolbar" role="group" aria-label={t('room.toolbar.label')}>
      {phase === 'none' || !settings ? (
        <button type="button" onClick={() => setOpen('room')} data-testid="open-room">
          {t('room.toolbar.open')}
        </button>
      ) : (
        <>
          <button type="button" onClick={() => setOpen('invite')} data-testid="invite">
            {t('room.toolbar.invite')}
          </button>
          {settings.kind === 'host' && (
            <button type="button" onClick={() => setOpen('room')} data-testid="room-settings">
              {t('room.toolbar.settings')}
            </button>
          )}
          <button type="button" onClick={() => setOpen('ice')} data-testid="network-settings">
            {t('room.toolbar.network')}
          </button>
          {phase === 'offline' ? (
            <button type="button" onClick={() => void room.reconnect()} data-testid="reconnect">
              {t('room.toolbar.reconnect')}
            </button>
          ) : (
            <button type="button" onClick={() => room.goOffline()} data-testid="go-offline">
              {t('room.toolbar.goOffline')}
            </button>
          )}
        </>
      )}
      {open === 'room' && <OpenRoomDialog room={room} onClose={() => setOpen(null)} onOpened={() => setOpen('invite')} />}
      {open === 'invite' && settings && <InviteDialog workshopId={room.workshopId} settings={settings} onClose={() => setOpen(null)} />}
      {open === 'ice' && <IceSettingsDialog room={room} onClose={() => setOpen(null)} />}
    </span>
  );
}
