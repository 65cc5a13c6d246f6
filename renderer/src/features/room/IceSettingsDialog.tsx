// Changes a room's STUN/TURN settings; the room reconnects with them.
import { useState, type FormEvent } from 'react';
import { parseIceSettings } from '../../../../shared/room';
import { Dialog } from '../../ui/Dialog';
import { IceSettingsFields, iceDraftFrom, iceInputFrom } from './IceSettingsFields';
import type { RoomController } from './roomController';
import { FormFooter } from '../../ui/FormFooter';
import { t, useT } from '../../core/i18n';
import { iceErrorText } from './roomText';

export function IceSettingsDialog({ room, onClose }: { readonly room: RoomController; readonly onClose: () => void }) {
  const tr = useT();
  const current = room.store.getState().settings;
  const [draft, setDraft] = useState(() => iceDraftFrom(current?.ice ?? { urls: [], relayOnly: false }));
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = iceInputFrom(draft);
    const parsed = parseIceSettings(input);
    if (!parsed.ok) return setError(iceErrorText(t, input));
    void room.setIce(parsed.value);
    onClose();
  };
  return (
    <Dialog title={tr('room.ice.title')} onClose={onClose} testId="ice-dialog">
      <form onSubmit={submit} noValidate>
        <IceSettingsFields draft={draft} onChange={setDraft} />
        <FormFooter error={error} onCancel={onClose} submitLabel={tr('room.ice.submit')} />
      </form>
    </Dialog>
  );
}
