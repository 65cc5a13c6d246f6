// The Electron host: the renderer's Host over the preload's bridge. Every reply is parsed as
// a Result, and a failure becomes a HostError rejection with a code the UI can act on.
import { BRIDGE_GLOBAL, channels, contract, resultSchema, splitChannel } from '../../../shared/protocol';
import type { BridgeApi, Channel, ErrorCode, RequestOf, ResponseOf } from '../../../shared/protocol';
import { HostError } from './Host';
import type { Host, HostErrorCode } from './Host';

function toHostCode(code: ErrorCode): HostErrorCode {
  switch (code) {
    case 'unknown-channel':
      return 'invalid-request';
    case 'internal':
      return 'unavailable';
    default:
      return code;
  }
}

/** True when `value` has a function for every contract channel, as the preload builds it. */
export function isBridge(value: unknown): value is BridgeApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return channels.every((channel) => {
    const { namespace, method } = splitChannel(channel);
    const group = api[namespace];
    return typeof group === 'object' && group !== null && typeof (group as Record<string, unknown>)[method] === 'function';
  });
}

export function createElectronHost(bridge: BridgeApi): Host {
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const { namespace, method } = splitChannel(channel);
    const group = (bridge as unknown as Record<string, Record<string, (request: unknown) => Promise<unknown>>>)[namespace];
    let reply: unknown;
    try {
      reply = await group?.[method]?.(request);
    } catch (error) {
      throw new HostError('unavailable', `${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = resultSchema(contract[channel].response).safeParse(reply);
    if (!parsed.success) throw new HostError('unavailable', `${channel}: the main process sent an unreadable reply`);
    if (!parsed.data.ok) throw new HostError(toHostCode(parsed.data.error.code), parsed.data.error.message);
    return parsed.data.value as ResponseOf<C>;
  }

  return {
    kind: 'electron',
    storage: {
      list: () => call('storage:list', {}),
      create: async (summary, state) => {
        await call('storage:create', { summary: { ...summary }, state });
      },
      load: (id) => call('storage:load', { id }),
      append: async (id, update) => {
        await call('storage:append', { id, update });
      },
      setSummary: async (summary) => {
        await call('storage:setSummary', { summary: { ...summary } });
      },
      close: async (id) => {
        await call('storage:close', { id });
      },
      remove: async (id) => {
        await call('storage:remove', { id });
      },
      recover: (id) => call('storage:recover', { id }),
      history: (id) => call('storage:history', { id }),
    },
    vault: {
      read: (id) => call('vault:read', { id }),
      write: async (id, key, value) => {
        await call('vault:write', { id, key, value });
      },
    },
    files: {
      save: (suggestedName, bytes) => call('files:save', { suggestedName, bytes }),
      open: (kind) => call('files:open', kind ? { kind } : {}),
    },
    openedFiles: {
      take: () => call('files:takeOpened', {}),
      wait: () => call('files:waitOpened', {}),
    },
    identity: {
      get: () => call('identity:get', {}),
      signCharter: (input) => call('identity:signCharter', { input: { ...input } }),
      signSeal: (input) => call('identity:signSeal', { input: { ...input } }),
      signFacilitatorAction: (input) => call('identity:signFacilitatorAction', { input: { ...input } }),
      signBallot: (input) => call('identity:signBallot', { input: { ...input } }),
      replace: () => call('identity:replace', {}),
    },
    lanSignaling: {
      addresses: () => call('signaling:addresses', {}),
      start: (choice) => call('signaling:start', choice.port === undefined ? { host: choice.host } : { host: choice.host, port: choice.port }),
      stop: async () => {
        await call('signaling:stop', {});
      },
      status: () => call('signaling:status', {}),
      useCertificate: (source) => call('signaling:useCertificate', { source }),
      trustCertificate: async (host, sha256) => {
        await call('signaling:trustCertificate', { host, sha256 });
      },
    },
    openExternal: async (url) => {
      await call('shell:openExternal', { url });
    },
  };
}

/** The Electron host when the preload's bridge is present, otherwise null. */
export function detectElectronHost(): Host | null {
  const candidate: unknown = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL];
  return isBridge(candidate) ? createElectronHost(candidate) : null;
}
