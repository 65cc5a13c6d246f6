// Joining a room from an invite: the workshop is stored locally under the invite's workshop id
// (empty until the peers fill it), so edits made offline are kept and merge on reconnect, and
// the room settings (secret, signaling) go into the workshop's vault on this device, outside
// the doc.
import * as Y from 'yjs';
import type { Invite, IceSettings } from '../../../../shared/room';
import type { Host } from '../../host/Host';
import { t } from '../../core/i18n';
import { readRoomSettings, ROOM_SETTINGS_KEY, roomSettingsEntry, type Member } from '../room';

export async function joinWorkshop(host: Host, invite: Invite, member: Member, ice: IceSettings): Promise<string> {
  const id = invite.workshopId;
  const known = (await host.storage.list()).some((w) => w.id === id);
  if (!known) {
    const now = Date.now();
    // The title follows the board's once the first sync arrives.
    await host.storage.create({ id, title: t('join.placeholderTitle'), createdAt: now, updatedAt: now }, Y.encodeStateAsUpdate(new Y.Doc()));
  }
  const previous = readRoomSettings((await host.vault.read(id))[ROOM_SETTINGS_KEY] ?? null);
  const { entry } = roomSettingsEntry({
    // The facilitator's own device stays the host when they open their own invite.
    kind: previous?.kind ?? 'guest',
    secret: invite.secret,
    signaling: [...invite.signaling],
    ice,
    lan: previous?.kind === 'host' ? previous.lan : null,
    webOrigin: previous?.webOrigin ?? null,
    certificate: invite.certificate ?? previous?.certificate ?? null,
    member,
    online: true,
  });
  await host.vault.write(id, ROOM_SETTINGS_KEY, entry);
  return id;
}
