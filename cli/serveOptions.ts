// The options of `bridgeboard serve`: its own (certificate, where the web app is, the names a
// generated certificate carries) and, passed through untouched, every option of `bridgeboard
// signal` (where to listen, limits, --behind-proxy, and whatever signal gains later), so the
// two commands never disagree about signaling.
import { parseArgs } from './args';
import { parseSignalOptions, signalUsage, type SignalOptions } from './signalOptions';

export interface ServeOptions {
  /** PEM files the company provides; both or neither. */
  readonly certFile: string | null;
  readonly keyFile: string | null;
  /** Where a generated self-signed certificate is kept; null for the default. */
  readonly tlsDir: string | null;
  /** The built web app; null to look next to the CLI. */
  readonly webRoot: string | null;
  /** Extra DNS names for a generated certificate and the printed URL. */
  readonly names: readonly string[];
  /** TLS is terminated by a reverse proxy in front: plain HTTP here. */
  readonly behindProxy: boolean;
  readonly signal: SignalOptions;
}

export type ParsedServeOptions = { readonly ok: true; readonly help: true } | { readonly ok: true; readonly help: false; readonly options: ServeOptions } | { readonly ok: false; readonly error: string };

const SERVE_OPTIONS = ['cert', 'key', 'tls-dir', 'web-root', 'name'] as const;
export const DEFAULT_SERVE_PORT = 8443;

const line = (name: string, text: string) => `  ${name}`.padEnd(46) + text;

export const serveUsage = [
  'Usage: bridgeboard serve [--host H] [--port P] [--cert FILE --key FILE] [options]',
  '',
  'Serves the Bridgeboard web app and its signaling server over HTTPS and WSS on one port,',
  'so participants join from a browser with nothing to install. Prints the URL and the',
  'certificate\'s SHA-256 SPKI (for pinning) and SHA-256 (what browsers show).',
  '',
  line('--cert FILE --key FILE', 'PEM certificate (chain) and unencrypted key from your CA'),
  line('', '(without them: a self-signed certificate, made once, kept)'),
  line('--tls-dir DIR', 'where that self-signed certificate is kept, key file 0600'),
  line('', '(default $XDG_STATE_HOME/bridgeboard/tls or ~/.local/state/...)'),
  line('--name NAME[,NAME]', 'DNS names for the self-signed certificate and the URL'),
  line('--web-root DIR', 'the built web app (default: web/ beside this CLI, then'),
  line('', '../dist/renderer; `npm run build:cli` builds dist-cli/web)'),
  line('--behind-proxy', 'a reverse proxy terminates TLS: plain HTTP here, client'),
  line('', 'addresses from its header; listen where only it can reach'),
  '',
  'Every option of "bridgeboard signal" applies too:',
  ...signalUsage
    .split('\n')
    .slice(signalUsage.split('\n').findIndex((l) => l.trimStart().startsWith('--host')))
    .map((l) => (l.trimStart().startsWith('--port P') ? line('--port P', `TCP port, 0 for any free one (default ${DEFAULT_SERVE_PORT})`) : l)),
].join('\n');

const hasOption = (argv: readonly string[], name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));

export function parseServeOptions(argv: readonly string[]): ParsedServeOptions {
  const fail = (error: string): ParsedServeOptions => ({ ok: false, error });
  if (argv.includes('--help')) return { ok: true, help: true };
  // Our options (each with its value) go to our parser; everything else is signal's.
  const ours: string[] = [];
  const theirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] ?? '' : '';
    if (!(SERVE_OPTIONS as readonly string[]).includes(name)) {
      theirs.push(arg);
      continue;
    }
    ours.push(arg);
    const next = argv[i + 1];
    if (!arg.includes('=') && next !== undefined) {
      ours.push(next);
      i++;
    }
  }
  const own = parseArgs(ours, { options: SERVE_OPTIONS });
  if (!own.ok) return fail(own.error);
  if (!hasOption(theirs, 'port')) theirs.push('--port', String(DEFAULT_SERVE_PORT));
  const signal = parseSignalOptions(theirs);
  if (!signal.ok) return fail(signal.error);
  if (signal.help) return { ok: true, help: true };
  const certFile = own.options.get('cert') ?? null;
  const keyFile = own.options.get('key') ?? null;
  if ((certFile === null) !== (keyFile === null)) return fail('--cert and --key go together');
  const behindProxy = signal.options.addressing.proxyHops > 0;
  if (behindProxy && certFile !== null) return fail('--behind-proxy serves plain HTTP: the proxy holds the certificate, so --cert/--key do not apply');
  const names = (own.options.get('name') ?? '').split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  const badName = names.find((n) => !/^(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})*$/.test(n));
  if (badName !== undefined) return fail(`--name: not a DNS name: ${badName}`);
  return {
    ok: true,
    help: false,
    options: { certFile, keyFile, tlsDir: own.options.get('tls-dir') ?? null, webRoot: own.options.get('web-root') ?? null, names, behindProxy, signal: signal.options },
  };
}
