// The LAN signaling channels: the renderer lists this machine's addresses and starts, stops or
// asks about the facilitator's signaling server. Refusals become coded errors the UI can show.
import type { RequestOf, ResponseOf } from '../../../shared/protocol';
import { CodedError } from '../codedError';
import type { LanSignalingError, LanSignalingService } from './lanSignalingService';

type SignalingChannel = 'signaling:addresses' | 'signaling:start' | 'signaling:stop' | 'signaling:status';
export type SignalingHandlers = { readonly [C in SignalingChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

function refusal(error: LanSignalingError): CodedError {
  switch (error) {
    case 'not-an-interface':
      return new CodedError('invalid-request', 'That address is not one of this machine’s network addresses.');
    case 'bad-port':
      return new CodedError('invalid-request', 'The port must be a number from 0 to 65535.');
    case 'address-in-use':
      return new CodedError('unavailable', 'That port is already in use on this machine. Pick another port.');
    case 'cannot-listen':
      return new CodedError('unavailable', 'The signaling server could not listen on that address.');
  }
}

export function createSignalingHandlers(service: LanSignalingService | undefined): SignalingHandlers {
  const need = (): LanSignalingService => {
    if (!service) throw new CodedError('unavailable', 'This app cannot run a signaling server.');
    return service;
  };
  return {
    'signaling:addresses': async () => need().addresses(),
    'signaling:start': async ({ host, port }) => {
      const result = await need().start(port === undefined ? { host } : { host, port });
      if (!result.ok) throw refusal(result.error);
      return { ...result.value, urls: [...result.value.urls] };
    },
    'signaling:stop': async () => {
      await need().stop();
      return null;
    },
    'signaling:status': async () => {
      const status = need().status();
      return { ...status, urls: [...status.urls] };
    },
  };
}
