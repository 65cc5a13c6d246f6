// Serves the built renderer (dist/renderer) from the privileged `app://bridgeboard/` scheme,
// so the UI has a real origin to check IPC senders and CSP against, without file:// and its
// access to the whole disk. Paths are confined to the bundle folder, symlinks included.
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { SECURITY_HEADERS } from './contentSecurityPolicy';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** Must run before the app is ready; makes `app:` behave like https for the renderer. */
export function registerAppScheme(protocol: { registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void }): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function respond(status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
}

/** The file under `root` that `requestUrl` names, or null if it points outside or is malformed. */
export async function resolveAppPath(root: string, requestUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // The page is a single-page app: paths without an extension are its routes.
  const relative = pathname === '/' || extname(pathname) === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const candidate = resolve(base, relative);
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  try {
    const [real, realBase] = await Promise.all([realpath(candidate), realpath(base)]);
    return real.startsWith(realBase + sep) ? real : null;
  } catch {
    // Missing: reading it will fail and answer 404; there is no link to follow out of the root.
    return candidate;
  }
}

export async function handleAppRequest(root: string, requestUrl: string): Promise<Response> {
  const path = await resolveAppPath(root, requestUrl);
  if (path === null) return respond(403, 'Forbidden');
  try {
    const body = await readFile(path);
    return respond(200, body, MIME[extname(path).toLowerCase()] ?? 'application/octet-stream');
  } catch {
    return respond(404, 'Not found');
  }
}

/** Installs the handler; call once the app is ready. */
export function serveApp(protocol: { handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void }, root: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(root, request.url));
}
