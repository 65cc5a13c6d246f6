// Where the app cannot work (no secure context, no WebCrypto) it says so and names the https
// address, invite included; where it can, it gets out of the way.
import { describe, expect, it } from 'vitest';
import { insecureOrigin, type PageLocation } from '../../../renderer/src/app/insecureOrigin';

const at = (url: string): PageLocation => {
  const u = new URL(url);
  return { protocol: u.protocol, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash, origin: u.origin };
};

describe('insecureOrigin', () => {
  it('lets a secure page with WebCrypto run', () => {
    expect(insecureOrigin(at('https://10.0.0.5:4444/#/join/ABC'), true, true)).toBeNull();
    expect(insecureOrigin(at('http://127.0.0.1:5173/'), true, true)).toBeNull();
  });

  it.each([
    ['plain http on a LAN address', 'http://10.0.0.5:4444/#/join/ABCDE-FGHIJ', false, false, 'https://10.0.0.5:4444/#/join/ABCDE-FGHIJ'],
    ['a LAN name without a port', 'http://board.plant.example/?x=1#/w/abc', false, false, 'https://board.plant.example/?x=1#/w/abc'],
    ['a secure context without WebCrypto', 'https://10.0.0.5:4444/', true, false, 'https://10.0.0.5:4444/'],
  ])('explains %s and points to https', (_name, url, secure, subtle, httpsUrl) => {
    expect(insecureOrigin(at(url), secure, subtle)).toEqual({ origin: new URL(url).origin, httpsUrl });
  });
});
