// Whether this page can work at all: Bridgeboard needs WebCrypto (the room key, y-webrtc's
// encryption, the signing key), which browsers give only to secure contexts. A page opened
// over plain http from another computer (a LAN address) is not one, so it must say so and point
// to the https address instead of failing later, silently, in the middle of joining.

export interface PageLocation {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}

export interface InsecureOrigin {
  readonly origin: string;
  /** The same address over https (the room's port speaks both), invite included. */
  readonly httpsUrl: string;
}

export function insecureOrigin(location: PageLocation, isSecureContext: boolean, hasSubtleCrypto: boolean): InsecureOrigin | null {
  if (isSecureContext && hasSubtleCrypto) return null;
  const port = location.port ? `:${location.port}` : '';
  return { origin: location.origin, httpsUrl: `https://${location.hostname}${port}${location.pathname}${location.search}${location.hash}` };
}
