// The channel names alone, free of zod, so the sandboxed preload can build its bridge without
// bundling the schema library. contract.ts is checked to define exactly these channels.
export const channelNames = [
  'storage:list',
  'storage:create',
  'storage:load',
  'storage:append',
  'storage:setSummary',
  'storage:close',
  'storage:remove',
  'storage:recover',
  'storage:history',
  'vault:read',
  'vault:write',
  'files:save',
  'files:open',
  'files:takeOpened',
  'files:waitOpened',
  'shell:openExternal',
  'identity:get',
  'identity:signCharter',
  'identity:signSeal',
  'identity:signFacilitatorAction',
  'identity:signBallot',
  'identity:replace',
  'signaling:addresses',
  'signaling:start',
  'signaling:stop',
  'signaling:status',
  'signaling:useCertificate',
  'signaling:trustCertificate',
] as const;

export type ChannelName = (typeof channelNames)[number];
