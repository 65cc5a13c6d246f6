// The machine's network addresses as candidate signaling URLs, so the facilitator can pick the
// one the room's LAN reaches and put it in the invite.

/** The parts of os.networkInterfaces() we read; injected so tests need no real interfaces. */
export interface InterfaceInfo {
  readonly address: string;
  readonly family: string | number;
  readonly internal: boolean;
}
export type NetworkInterfacesFn = () => Readonly<Record<string, readonly InterfaceInfo[] | undefined>>;

export interface LanAddress {
  readonly interfaceName: string;
  readonly family: 'IPv4' | 'IPv6';
  readonly address: string;
  readonly internal: boolean;
  /** 169.254/16: what a laptop gets on a plant switch with no DHCP, so it is kept and flagged. */
  readonly linkLocal: boolean;
  readonly url: string;
}

export interface ListOptions {
  readonly includeInternal?: boolean;
  /** IPv6 fe80::/10 needs a zone id, which URLs in browsers cannot carry: off by default. */
  readonly includeIPv6LinkLocal?: boolean;
  readonly secure?: boolean;
}

export function formatWsUrl(host: string, port: number, secure = false): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return `${secure ? 'wss' : 'ws'}://${h}:${port}`;
}

function familyOf(info: InterfaceInfo): 'IPv4' | 'IPv6' | undefined {
  // Node 18.0-18.3 reported the family as a number.
  if (info.family === 'IPv4' || info.family === 4) return 'IPv4';
  if (info.family === 'IPv6' || info.family === 6) return 'IPv6';
  return undefined;
}

export function listLanAddresses(port: number, networkInterfaces: NetworkInterfacesFn, options: ListOptions = {}): LanAddress[] {
  const out: LanAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(networkInterfaces())) {
    for (const info of infos ?? []) {
      const family = familyOf(info);
      if (!family) continue;
      if (info.internal && !options.includeInternal) continue;
      const v6LinkLocal = family === 'IPv6' && /^fe[89ab]/i.test(info.address);
      if (v6LinkLocal && !options.includeIPv6LinkLocal) continue;
      const address = info.address.split('%')[0] ?? info.address;
      out.push({
        interfaceName,
        family,
        address,
        internal: info.internal,
        linkLocal: v6LinkLocal || address.startsWith('169.254.'),
        url: formatWsUrl(address, port, options.secure),
      });
    }
  }
  // Routable IPv4 first: it is what a participant most likely types or scans.
  const rank = (a: LanAddress) => (a.internal ? 4 : 0) + (a.family === 'IPv6' ? 2 : 0) + (a.linkLocal ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b) || a.interfaceName.localeCompare(b.interfaceName));
}
