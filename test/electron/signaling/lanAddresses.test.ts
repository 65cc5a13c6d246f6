// Address candidates for the invite: which interfaces are offered, in what order, as which URL.
import { describe, expect, it } from 'vitest';
import { formatWsUrl, listLanAddresses, type NetworkInterfacesFn } from '../../../electron/main/signaling/lanAddresses';

const interfaces: NetworkInterfacesFn = () => ({
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
  wlan0: [
    { address: 'fe80::1c2b:3aff:fe4d:5e6f%wlan0', family: 'IPv6', internal: false },
    { address: 'fd00::20', family: 6, internal: false },
    { address: '169.254.10.20', family: 'IPv4', internal: false },
  ],
  eth0: [
    { address: '192.168.1.20', family: 4, internal: false },
  ],
  weird: [{ address: 'x', family: 'AF_PACKET', internal: false }],
  empty: undefined,
});

describe('LAN address candidates', () => {
  it('offers routable IPv4 first, then link-local IPv4, then IPv6; no loopback, no fe80', () => {
    expect(listLanAddresses(4444, interfaces).map((a) => [a.interfaceName, a.url, a.linkLocal])).toEqual([
      ['eth0', 'ws://192.168.1.20:4444', false],
      ['wlan0', 'ws://169.254.10.20:4444', true],
      ['wlan0', 'ws://[fd00::20]:4444', false],
    ]);
  });

  it('includes loopback and IPv6 link-local only when asked, without the zone id', () => {
    const all = listLanAddresses(1, interfaces, { includeInternal: true, includeIPv6LinkLocal: true });
    expect(all.map((a) => a.address)).toEqual(['192.168.1.20', '169.254.10.20', 'fd00::20', 'fe80::1c2b:3aff:fe4d:5e6f', '127.0.0.1', '::1']);
  });

  it('formats ws and wss URLs, bracketing IPv6', () => {
    expect(formatWsUrl('10.0.0.1', 80)).toBe('ws://10.0.0.1:80');
    expect(formatWsUrl('::1', 4444, true)).toBe('wss://[::1]:4444');
  });
});
