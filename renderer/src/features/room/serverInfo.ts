// What the server this page came from says about itself (bridgeboard serve, or the facilitator's
// LAN port), in meta tags it adds to the page: signaling on the same origin, and its
// certificate's SHA-256. It prefills the open-room dialog of a facilitator working in a browser;
// it proves nothing (the facilitator compares the fingerprint with the browser's certificate
// viewer or the administrator's printout). Other web servers (npm run web) add no tags.
import { parseCertificateFingerprint } from '../../../../shared/room';

export interface ServerInfo {
  /** ws(s):// on this page's host and port. */
  readonly signaling: string;
  readonly certificate: string | null;
}

export function readServerInfo(doc: Pick<Document, 'querySelector'> = document, location: Pick<Location, 'protocol' | 'host'> = window.location): ServerInfo | null {
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return null;
  const meta = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
  if (meta('bridgeboard-signaling') !== 'same-origin') return null;
  const certificate = meta('bridgeboard-certificate');
  return { signaling: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`, certificate: certificate === null ? null : parseCertificateFingerprint(certificate) };
}
