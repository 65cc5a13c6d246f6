// The options of `bridgeboard signal`, parsed and validated: where to listen, the server's
// limits, and whether to trust a reverse proxy's header for client addresses. A typo or a value
// out of range is an error: a server flag must never be silently ignored.
import { ZodError } from 'zod';
import { parseArgs, parseIntegerOption } from './args';
import { defaultSignalingLimits, resolveSignalingLimits, type SignalingLimits } from '../electron/main/signaling/signalingLimits';
import { defaultClientAddressing, resolveClientAddressing, type ClientAddressing } from '../electron/main/signaling/clientAddress';
import type { InviteDropOptions } from '../electron/main/inviteDrop/inviteDropService';
import { inviteDropFlagNames, inviteDropOptionNames, inviteDropUsage, parseInviteDropOptions } from './inviteDropOptions';
import { defaultRedisPrefix } from '../electron/main/signaling/redisBus';

/** Where instances meet to share rooms (`--redis URL`); null for a lone instance. */
export interface RedisOption {
  readonly url: string;
  readonly prefix: string;
}

export interface SignalOptions {
  readonly host: string;
  readonly port: number;
  readonly statsIntervalMs: number;
  readonly limits: SignalingLimits;
  readonly addressing: ClientAddressing;
  /** The invite drop for short codes: its limits, or false for none. */
  readonly invites: InviteDropOptions | false;
  readonly redis: RedisOption | null;
}

export type ParsedSignalOptions = { readonly ok: true; readonly help: true } | { readonly ok: true; readonly help: false; readonly options: SignalOptions } | { readonly ok: false; readonly error: string };

const limitFlags: Record<string, keyof SignalingLimits> = {
  'max-connections': 'maxConnections',
  'max-connections-per-address': 'maxConnectionsPerAddress',
  'max-handshakes-per-address': 'maxHandshakesPerAddress',
  'handshake-timeout-ms': 'handshakeTimeoutMs',
  'max-message-bytes': 'maxMessageBytes',
  'max-topics-per-connection': 'maxTopicsPerConnection',
  'max-topics-per-address': 'maxTopicsPerAddress',
  'max-topics': 'maxTopics',
  'max-topic-length': 'maxTopicLength',
  'max-subscribers-per-topic': 'maxSubscribersPerTopic',
  'max-subscribers-per-topic-per-address': 'maxSubscribersPerTopicPerAddress',
  'messages-per-second': 'messagesPerSecond',
  'message-burst': 'messageBurst',
  'out-bytes-per-second': 'outBytesPerSecond',
  'out-bytes-per-second-per-address': 'outBytesPerSecondPerAddress',
  'out-bytes-per-second-per-topic': 'outBytesPerSecondPerTopic',
  'out-burst-seconds': 'outBurstSeconds',
  'idle-timeout-ms': 'idleTimeoutMs',
};
const addressingFlags: Record<string, 'proxyHops' | 'ipv6PrefixLength'> = {
  'proxy-hops': 'proxyHops',
  'ipv6-prefix-length': 'ipv6PrefixLength',
};

const option = (name: string, text: string) => `  ${name}`.padEnd(46) + text;

export const signalUsage = [
  'Usage: bridgeboard signal [--host H] [--port P] [options]',
  '',
  'Runs a y-webrtc signaling server for Bridgeboard rooms. It relays encrypted WebRTC',
  'handshakes only: it never sees board content or room secrets. Put it behind a TLS',
  'reverse proxy and give participants the wss:// address.',
  '',
  option('--host H', 'address to listen on (default 127.0.0.1; 0.0.0.0 for all)'),
  option('--port P', 'TCP port, 0 for any free one (default 4444)'),
  option('--behind-proxy', 'take the client address from the proxy\'s header (off: the'),
  option('', 'header is ignored); only if clients cannot bypass the proxy'),
  option('--proxy-header x-forwarded-for|forwarded', `with --behind-proxy (default ${defaultClientAddressing.proxyHeader})`),
  option('--proxy-hops N', 'with --behind-proxy: proxies in the chain (default 1)'),
  option('--ipv6-prefix-length N', `IPv6 clients count per prefix (default ${defaultClientAddressing.ipv6PrefixLength})`),
  option('--redis URL', 'share rooms and short codes with every instance using this Redis'),
  option('', '(redis://[user:password@]host:port[/db], rediss:// for TLS);'),
  option('', 'run any number behind a load balancer, no sticky sessions'),
  option('--redis-prefix P', `with --redis: channel and key prefix per deployment (default ${defaultRedisPrefix})`),
  '',
  'Limits (see electron/main/signaling/README.md):',
  ...Object.entries(limitFlags).map(([flag, key]) => option(`--${flag} N`, `default ${defaultSignalingLimits[key]}`)),
  option('--stats-interval-ms N', 'how often to log counts, 0 for never (default 60000)'),
  ...inviteDropUsage(option),
  '  --help',
].join('\n');

const hostPattern = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|localhost|[A-Za-z0-9.-]{1,253})$/;

export function parseSignalOptions(argv: readonly string[]): ParsedSignalOptions {
  const args = parseArgs(argv, {
    options: ['host', 'port', 'stats-interval-ms', 'proxy-header', 'redis', 'redis-prefix', ...Object.keys(limitFlags), ...Object.keys(addressingFlags), ...inviteDropOptionNames],
    flags: ['help', 'behind-proxy', ...inviteDropFlagNames],
  });
  const fail = (error: string): ParsedSignalOptions => ({ ok: false, error });
  if (!args.ok) return fail(args.error);
  if (args.flags.has('help')) return { ok: true, help: true };
  const host = args.options.get('host') ?? '127.0.0.1';
  if (!hostPattern.test(host)) return fail(`--host: not an address: ${host}`);
  const portText = args.options.get('port') ?? '4444';
  const port = parseIntegerOption(portText, 0, 65535);
  if (port === undefined) return fail(`--port: expected 0-65535, got ${portText}`);
  const statsText = args.options.get('stats-interval-ms') ?? '60000';
  const statsIntervalMs = parseIntegerOption(statsText, 0, 86_400_000);
  if (statsIntervalMs === undefined) return fail(`--stats-interval-ms: expected a whole number of milliseconds, got ${statsText}`);
  const limitInput: Partial<Record<keyof SignalingLimits, number>> = {};
  const addressingNumbers: Partial<Record<'proxyHops' | 'ipv6PrefixLength', number>> = {};
  const numbers: [Record<string, string>, Record<string, number>][] = [[limitFlags, limitInput], [addressingFlags, addressingNumbers]];
  /** What was typed for each key, so a range error names the flag and the value. */
  const typed = new Map<PropertyKey, string>();
  for (const [flags, target] of numbers) {
    for (const [flag, key] of Object.entries(flags)) {
      const text = args.options.get(flag);
      if (text === undefined) continue;
      const value = parseIntegerOption(text, 0, 2 ** 31);
      if (value === undefined) return fail(`--${flag}: expected a whole number, got ${text}`);
      target[key] = value;
      typed.set(key, `--${flag}: %s, got ${text}`);
    }
  }
  // Trusting a header is a decision the operator states once, with --behind-proxy.
  const behindProxy = args.flags.has('behind-proxy');
  const proxyHeader = args.options.get('proxy-header');
  if (!behindProxy && (proxyHeader !== undefined || addressingNumbers.proxyHops !== undefined)) {
    return fail('--proxy-header and --proxy-hops need --behind-proxy');
  }
  if (proxyHeader !== undefined && proxyHeader !== 'x-forwarded-for' && proxyHeader !== 'forwarded') {
    return fail(`--proxy-header: expected x-forwarded-for or forwarded, got ${proxyHeader}`);
  }
  const addressingInput = {
    ...addressingNumbers,
    ...(behindProxy ? { proxyHops: addressingNumbers.proxyHops ?? 1 } : {}),
    ...(proxyHeader !== undefined ? { proxyHeader } : {}),
  };
  const redis = parseRedisOption(args.options.get('redis'), args.options.get('redis-prefix'));
  if (typeof redis === 'string') return fail(redis);
  let limits: SignalingLimits;
  let addressing: ClientAddressing;
  try {
    limits = resolveSignalingLimits(limitInput);
    addressing = resolveClientAddressing(addressingInput);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const issue = e.issues[0];
    const reason = (issue?.message ?? 'invalid').replace(/^Too (small|big): expected number to be /, 'expected ');
    return fail((typed.get(issue?.path[0] ?? '') ?? '%s').replace('%s', reason));
  }

  const invites = parseInviteDropOptions(args);
  if (!invites.ok) return fail(invites.error);

  return { ok: true, help: false, options: { host, port, statsIntervalMs, limits, addressing, invites: invites.invites, redis } };
}

/** The Redis option, or what is wrong with it. The URL is never echoed: it may hold a password. */
function parseRedisOption(url: string | undefined, prefix: string | undefined): RedisOption | null | string {
  if (url === undefined) return prefix === undefined ? null : '--redis-prefix needs --redis';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '--redis: not a URL (expected redis://host:port or rediss://host:port)';
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') return `--redis: expected a redis:// or rediss:// URL, got ${parsed.protocol}//`;
  if (parsed.hostname === '') return '--redis: the URL names no host';
  const chosen = prefix ?? defaultRedisPrefix;
  if (!/^[A-Za-z0-9:._-]{1,64}$/.test(chosen)) return '--redis-prefix: 1-64 letters, digits, ":", ".", "_" or "-"';
  return { url, prefix: chosen };
}
