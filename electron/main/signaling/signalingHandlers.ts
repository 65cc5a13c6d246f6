// The LAN signaling channels: the renderer lists this machine's addresses and starts, stops or
// asks about the facilitator's signaling server, picks the certificate its port presents, and
// (joining) trusts the certificate an invite names. Refusals become coded errors the UI can show.
import type { RequestOf, ResponseOf } from '../../../shared/protocol';
import { CodedError } from '../codedError';
import { CertificateProblem } from '../tls/certificateInfo';
import type { CertificatePins } from '../tls/certificatePins';
import type { CertificateChoice } from '../webHost/certificateChoice';
import type { LanSignalingError, LanSignalingService, LanSignalingStatus } from './lanSignalingService';

type SignalingChannel = 'signaling:addresses' | 'signaling:start' | 'signaling:stop' | 'signaling:status' | 'signaling:useCertificate' | 'signaling:trustCertificate';
export type SignalingHandlers = { readonly [C in SignalingChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

function refusal(error: LanSignalingError, detail?: string): CodedError {
  switch (error) {
    case 'no-certificate':
      return new CodedError('unavailable', detail ?? 'The room’s TLS certificate cannot be made or read on this computer.');
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

export interface SignalingTls {
  readonly choice: CertificateChoice;
  readonly pins: CertificatePins;
}

const copy = (status: LanSignalingStatus) => ({ ...status, urls: [...status.urls], webUrls: [...status.webUrls] });

export function createSignalingHandlers(service: LanSignalingService | undefined, tls?: SignalingTls): SignalingHandlers {
  const need = (): LanSignalingService => {
    if (!service) throw new CodedError('unavailable', 'This app cannot run a signaling server.');
    return service;
  };
  const needTls = (): SignalingTls => {
    if (!tls) throw new CodedError('unavailable', 'This app serves no HTTPS room port.');
    return tls;
  };
  /** Restarts a running server so it presents the newly chosen certificate. */
  const restart = async (): Promise<LanSignalingStatus> => {
    const current = need().status();
    if (!current.running || current.host === undefined) return current;
    const result = await need().start({ host: current.host, ...(current.port === undefined ? {} : { port: current.port }), restart: true });
    if (!result.ok) throw refusal(result.error, result.detail);
    return result.value;
  };
  return {
    'signaling:addresses': async () => need().addresses(),
    'signaling:start': async ({ host, port }) => {
      const result = await need().start(port === undefined ? { host } : { host, port });
      if (!result.ok) throw refusal(result.error, result.detail);
      return copy(result.value);
    },
    'signaling:stop': async () => {
      await need().stop();
      return null;
    },
    'signaling:status': async () => copy(need().status()),
    'signaling:useCertificate': async ({ source }) => {
      const { choice } = needTls();
      try {
        if (source === 'self-signed') await choice.useSelfSigned();
        else if ((await choice.useCompany()) === null) throw new CodedError('cancelled', 'No certificate was picked.');
      } catch (e) {
        if (e instanceof CertificateProblem) throw new CodedError('invalid-request', e.message);
        throw e;
      }
      return copy(await restart());
    },
    'signaling:trustCertificate': async ({ host, sha256 }) => {
      if (!needTls().pins.trust(host, sha256)) throw new CodedError('invalid-request', 'That is not a host name and certificate fingerprint this app can trust.');
      return null;
    },
  };
}
