// The room feature: the live room of an open workshop (y-webrtc behind the peer guard, presence,
// the LAN server when this device hosts), its toolbar and dialogs, the participants panel and
// the presence markers other features' places show, and the settings an invite writes.
export { createRoomController, type RoomController, type RoomDeps, type RoomView } from './roomController';
export { RoomContext, useRoom, useRoomController } from './roomContext';
export { RoomToolbar } from './RoomToolbar';
export { ParticipantsPanel } from './ParticipantsPanel';
export { CardPresence, SectionPresence } from './PresenceMarkers';
export { useBoardLocation } from './useBoardLocation';
export { IceSettingsFields, emptyIceDraft, iceInputFrom } from './IceSettingsFields';
export { memberSchema, readRoomSettings, ROOM_SETTINGS_KEY, roomSettingsEntry, type Member, type RoomSettings } from './roomSettings';
export { readPresence, type PeerPresence } from './presence';
export { iceErrorText, inviteErrorText } from './roomText';
