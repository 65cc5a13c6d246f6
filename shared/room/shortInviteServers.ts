// Where a short code is looked up. A browser asks the server that served its page; the desktop
// app asks the server a person types, as the facilitator's dialog shows it (`192.168.1.20:4444`,
// `board.example.com`, or a full ws/wss/https URL). A bare address is tried over wss first, then
// over plain ws (the facilitator's LAN port takes plain ws from desktop apps, and its
// self-signed certificate is not one the app trusts before it has an invite): the box is
// sealed and authenticated by the code's key, so plain transport can only withhold it.
import { formatSignalingUrl, parseSignalingUrl } from './signalingUrl';

/** How the facilitator's dialog writes a signaling URL for someone to type: host[:port][path],
 * the port left out when it is 443 and the scheme left out when it is wss. */
export function typedServerAddress(signalingUrl: string): string {
  const a = parseSignalingUrl(signalingUrl);
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  const bare = `${host}${a.port === 443 ? '' : `:${a.port}`}${a.path}`;
  return a.secure ? bare : `ws://${host}:${a.port}${a.path}`;
}

/** The signaling URLs to ask for what a person typed; [] when it is no address. */
export function serverCandidates(typed: string): string[] {
  const text = typed.trim();
  if (text.length === 0 || text.length > 200) return [];
  try {
    const scheme = /^([a-z]+):\/\//i.exec(text)?.[1]?.toLowerCase();
    if (scheme === 'ws' || scheme === 'wss') return [formatSignalingUrl(parseSignalingUrl(text))];
    if (scheme === 'https' || scheme === 'http') return [formatSignalingUrl(parseSignalingUrl(text.replace(/^http/i, 'ws').replace(/[?#].*$/, '')))];
    if (scheme !== undefined) return [];
    const secure = parseSignalingUrl(`wss://${text}`);
    const hasPort = /^(\[[^\]]+\]|[^/:]+):\d+/.test(text);
    const plain = { ...secure, secure: false, port: hasPort ? secure.port : 4444 };
    return [formatSignalingUrl(secure), formatSignalingUrl(plain)];
  } catch {
    return [];
  }
}

/** The browser host's own server, from its page address (https → wss, http → ws). */
export function ownServerUrl(pageOrigin: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(pageOrigin);
  if (!m) return null;
  try {
    return formatSignalingUrl(parseSignalingUrl(`${m[1]?.toLowerCase() === 'https' ? 'wss' : 'ws'}://${m[2]}`));
  } catch {
    return null;
  }
}
