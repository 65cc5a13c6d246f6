// Serves the built renderer (the browser host) from one folder to browsers on the network:
// GET and HEAD only, paths confined to the folder (symlinks too), the right MIME types, and the
// same Content-Security-Policy the desktop window gets. No Strict-Transport-Security: with a
// self-signed certificate it would take away the participant's chance to click through.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../contentSecurityPolicy';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const WEB_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The file under `root` that a request path names, or null if it leaves the folder. */
export async function resolveWebPath(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent((urlPath.split('?')[0] ?? '/').split('#')[0] ?? '/');
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  // The app routes in the hash; any path without an extension is its page.
  const relative = decoded === '/' || extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const candidate = resolve(base, relative);
  if (!candidate.startsWith(base + sep)) return null;
  try {
    const [real, realBase] = await Promise.all([realpath(candidate), realpath(base)]);
    return real.startsWith(realBase + sep) ? real : null;
  } catch {
    return candidate; // missing: answered 404 below
  }
}

function answer(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...WEB_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

export type WebAppResponder = (req: IncomingMessage, res: ServerResponse) => void;

/** What the page may learn about the server it came from, so a facilitator opening a room in
 * the browser need not type it: signaling is on this same origin, and the certificate's SHA-256
 * (null where a proxy in front holds the certificate). Nothing secret. It goes into the page as
 * meta tags, so the page learns it without a request that other servers would answer with 404. */
export interface ServerInfo {
  readonly certificate: string | null;
}

export function withServerInfo(html: string, info: ServerInfo): string {
  const certificate = info.certificate !== null && /^[0-9A-F]{64}$/.test(info.certificate) ? `<meta name="bridgeboard-certificate" content="${info.certificate}" />` : '';
  return html.replace('</head>', `<meta name="bridgeboard-signaling" content="same-origin" />${certificate}</head>`);
}

/** Answers requests for the web app in `root` (a Vite build of renderer/). */
export function webAppResponder(root: string, info?: ServerInfo): WebAppResponder {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD.', { Allow: 'GET, HEAD' });
      // A health check for load balancers and monitoring, as the signaling server had.
      if (req.url === '/healthz') return answer(res, 200, 'okay');
      const path = await resolveWebPath(root, req.url ?? '/');
      if (path === null) return answer(res, 400, 'Bad request.');
      try {
        const stats = await stat(path);
        if (!stats.isFile()) throw new Error('not a file');
        const page = path.endsWith('index.html');
        const body = page && info ? Buffer.from(withServerInfo((await readFile(path)).toString('utf8'), info)) : await readFile(path);
        res.writeHead(200, {
          ...WEB_HEADERS,
          'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(body.length),
          // Vite's asset names carry a content hash; the page itself must always be fresh.
          'Cache-Control': page ? 'no-cache' : 'public, max-age=3600',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        answer(res, 404, 'Not found.');
      }
    })().catch(() => {
      if (!res.headersSent) answer(res, 500, 'The server could not read that file.');
      else res.destroy();
    });
  };
}
