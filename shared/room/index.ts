// Rooms: invites (code, links, QR), room secrets, signaling address checks and ICE settings.
export * from './inviteErrors';
export * from './invite';
export * from './inviteQr';
export * from './roomSecret';
export * from './signalingUrl';
export * from './iceConfig';
export * from './certificateFingerprint';
export * from './shortInviteCode';
export * from './shortInviteBox';
export * from './inviteDropProtocol';
export * from './shortInvite';
export * from './shortInviteServers';
