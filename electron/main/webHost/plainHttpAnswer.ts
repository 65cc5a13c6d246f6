// What a plain-http request to the room's HTTPS port gets. A browser that typed the address
// without https:// is sent on to https at the same host and port; anything that cannot be
// redirected is told in one sentence why plain http cannot work.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_HEADERS } from './webAppFiles';

export const PLAIN_HTTP_SENTENCE =
  'Bridgeboard needs https here: over plain http a browser turns off the cryptography that protects the room and signs the charter, so open this address with https:// instead.';

// host, IPv4, or [IPv6], with an optional port: nothing that could turn the redirect elsewhere.
const hostHeader = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:\d{1,5})?$/;

/** The https URL for a plain request, or null when its Host header cannot be trusted to build one. */
export function httpsUrlFor(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host ?? '';
  const match = hostHeader.exec(host);
  if (!match) return null;
  const path = req.url ?? '/';
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  // The same port: the one port speaks both, and is the one the facilitator gave out.
  return `https://${match[1]}:${port}${path}`;
}

export function answerPlainHttp(req: IncomingMessage, res: ServerResponse, port: number): void {
  const target = req.method === 'GET' || req.method === 'HEAD' ? httpsUrlFor(req, port) : null;
  const headers = { ...WEB_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  if (target) {
    res.writeHead(308, { ...headers, Location: target });
    res.end(`${PLAIN_HTTP_SENTENCE}\n${target}\n`);
    return;
  }
  res.writeHead(400, headers);
  res.end(`${PLAIN_HTTP_SENTENCE}\n`);
}
