// The client address the per-address limits count under: IP normalisation and IPv6 grouping,
// forwarding headers parsed as proxies write them, and trusted only as far as configured.
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../../electron/main/signaling/addressKey';
import { clientAddressOf, entryIp, forwardedChain, resolveClientAddressing } from '../../../electron/main/signaling/clientAddress';

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', 64, '203.0.113.7'],
    ['::ffff:203.0.113.7', 64, '203.0.113.7'],
    ['::ffff:cb00:7107', 64, '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', 64, '2001:db8:1:2:0:0:0:0/64'],
    ['2001:db8:1:2::ffff', 64, '2001:db8:1:2:0:0:0:0/64'],
    ['2001:db8:1:2:3:4:5:6', 48, '2001:db8:1:0:0:0:0:0/48'],
    ['2001:db8:1:2:3:4:5:6', 60, '2001:db8:1:0:0:0:0:0/60'],
    ['2001:db8::1', 128, '2001:db8:0:0:0:0:0:1'],
    ['2001:DB8::1', 128, '2001:db8:0:0:0:0:0:1'],
    ['fe80::1%eth0', 128, 'fe80:0:0:0:0:0:0:1'],
    ['64:ff9b::192.0.2.33', 128, '64:ff9b:0:0:0:0:c000:221'],
    ['::1', 128, '0:0:0:0:0:0:0:1'],
  ])('%s /%i is %s', (ip, prefix, key) => {
    expect(addressKey(ip, prefix)).toBe(key);
  });
  it.each(['', 'unknown', '_hidden', '203.0.113.7:80', '[::1]', '999.1.1.1', '1:2:3'])('%j is not an address', (ip) => {
    expect(addressKey(ip, 64)).toBeUndefined();
  });
});

describe('forwarding headers', () => {
  it('lists X-Forwarded-For entries, repeated headers included, nearest proxy last', () => {
    expect(forwardedChain({ 'x-forwarded-for': ' 198.51.100.1 , 203.0.113.7' }, 'x-forwarded-for')).toEqual(['198.51.100.1', '203.0.113.7']);
    expect(forwardedChain({}, 'x-forwarded-for')).toEqual([]);
  });
  it('reads the for= of each RFC 7239 element; an element without one is still a hop', () => {
    const value = 'for=192.0.2.43;proto=https, proto=http;by=x, For="[2001:db8:cafe::17]:4711"';
    expect(forwardedChain({ forwarded: value }, 'forwarded')).toEqual(['192.0.2.43', '', '"[2001:db8:cafe::17]:4711"']);
  });
  it.each([
    ['"[2001:db8:cafe::17]:4711"', '2001:db8:cafe::17'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::1'],
    ['unknown', 'unknown'],
  ])('entry %s holds %s', (entry, ip) => {
    expect(entryIp(entry)).toBe(ip);
  });
});

describe('clientAddressOf', () => {
  const xff = (value: string) => ({ 'x-forwarded-for': value });
  const untrusting = resolveClientAddressing({});
  const oneProxy = resolveClientAddressing({ proxyHops: 1 });
  const twoProxies = resolveClientAddressing({ proxyHops: 2 });

  it('uses the socket address and ignores headers by default', () => {
    expect(clientAddressOf('::ffff:10.0.0.5', xff('203.0.113.7'), untrusting)).toEqual({ key: '10.0.0.5' });
  });
  it.each([
    [oneProxy, '203.0.113.7', '203.0.113.7'],
    [oneProxy, '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    [twoProxies, '6.6.6.6, 203.0.113.7, 198.51.100.9', '203.0.113.7'],
    // Fewer entries than trusted hops: the furthest one there is.
    [twoProxies, '203.0.113.7', '203.0.113.7'],
  ])('trusting proxies, takes the entry the nearest trusted proxy saw (%#)', (addressing, header, key) => {
    expect(clientAddressOf('10.0.0.1', xff(header), addressing)).toEqual({ key });
  });
  it('falls back to the proxy\'s address, and says why, when the header is missing or unusable', () => {
    expect(clientAddressOf('10.0.0.1', {}, oneProxy)).toEqual({ key: '10.0.0.1', headerProblem: 'missing' });
    expect(clientAddressOf('10.0.0.1', xff('203.0.113.7, unknown'), oneProxy)).toEqual({ key: '10.0.0.1', headerProblem: 'invalid' });
  });
  it.each([[{ proxyHops: -1 }], [{ proxyHops: 1.5 }], [{ proxyHeader: 'x-real-ip' }], [{ ipv6PrefixLength: 129 }], [{ trustProxy: true }]])(
    'refuses the setting %j',
    (input) => expect(() => resolveClientAddressing(input)).toThrow(),
  );
});
