// The shape of the preload's bridge, derived from the contract: channel 'ns:method' becomes
// `bridge.ns.method(request)`, resolving to a Result. Nothing else is on the bridge.
import { channelNames as channels } from './channels';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never;
type MethodOf<C extends string> = C extends `${string}:${infer M}` ? M : never;

export type BridgeApi = {
  readonly [N in NamespaceOf<Channel>]: {
    readonly [C in Channel as NamespaceOf<C> extends N ? MethodOf<C> : never]: (
      request: RequestOf<C>,
    ) => Promise<Result<ResponseOf<C>>>;
  };
};

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'bridgeboard';

export function splitChannel(channel: Channel): { namespace: string; method: string } {
  const [namespace = '', method = ''] = channel.split(':');
  return { namespace, method };
}

/** Builds a bridge whose every method is `invoke(channel, request)`; used by the preload. */
export function buildBridge(invoke: (channel: Channel, request: unknown) => Promise<unknown>): BridgeApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const { namespace, method } = splitChannel(channel);
    const group = (api[namespace] ??= {});
    group[method] = (request: unknown) => invoke(channel, request);
  }
  // The cast is where the runtime table meets the derived type; the tests check they agree.
  return api as unknown as BridgeApi;
}
