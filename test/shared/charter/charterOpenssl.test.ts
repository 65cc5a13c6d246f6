// Signatures are plain RFC 8032 Ed25519 over the documented bytes: OpenSSL, which no one here
// wrote, verifies them from the bundle alone (the recipe in docs/charter-format.md).
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, charterDigest, signingMessageFor } from '../../../shared/charter';
import { fromBase64url, sha256Hex, signingMessageText } from '../../../shared/crypto';
import { makeRoom, signedBundle } from './charterFixtures';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasOpenssl)('OpenSSL interoperability', () => {
  const bundle = signedBundle(makeRoom());
  const dir = mkdtempSync(join(tmpdir(), 'bb-openssl-'));

  const opensslVerify = (publicKey: string, message: Uint8Array, signature: string): boolean => {
    const pem = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    writeFileSync(join(dir, 'pub.pem'), pem);
    writeFileSync(join(dir, 'msg.bin'), message);
    writeFileSync(join(dir, 'sig.bin'), fromBase64url(signature));
    try {
      execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', join(dir, 'msg.bin'), '-sigfile', join(dir, 'sig.bin')], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };

  it('the digest is sha256 of the canonical charter, as sha256sum would compute it', () => {
    writeFileSync(join(dir, 'charter.json'), canonicalJson(bundle.charter));
    const out = execFileSync('openssl', ['dgst', '-sha256', '-r', join(dir, 'charter.json')]).toString();
    expect(out.split(' ')[0]).toBe(bundle.digest);
    expect(sha256Hex(canonicalJson(bundle.charter))).toBe(charterDigest(bundle.charter));
  });

  it('verifies every signature from the documented message bytes', () => {
    for (const sig of bundle.signatures) {
      const text = signingMessageText({ charterId: bundle.charter.charterId, version: sig.version, digest: sig.digest, signedAt: sig.signedAt });
      expect(Buffer.from(signingMessageFor(bundle, sig.signedAt)).toString('utf8')).toBe(text);
      expect(opensslVerify(sig.publicKey, Buffer.from(text, 'utf8'), sig.signature)).toBe(true);
    }
  });

  it('verifies the facilitator seal from its documented message bytes', () => {
    const seal = bundle.seal;
    if (!seal) throw new Error('fixture is sealed');
    const sorted = [...bundle.signatures].sort((a, b) => (a.signature < b.signature ? -1 : 1));
    const setDigest = sha256Hex(canonicalJson(sorted));
    expect(seal.signaturesDigest).toBe(setDigest);
    const text = ['bridgeboard-charter-seal-v1', bundle.charter.charterId, String(bundle.charter.version), bundle.digest, String(bundle.signatures.length), setDigest, seal.signedAt].join('\n');
    expect(opensslVerify(seal.publicKey, Buffer.from(text, 'utf8'), seal.signature)).toBe(true);
  });

  it('rejects the same signature over a changed digest', () => {
    const sig = bundle.signatures[0]!;
    const text = signingMessageText({ charterId: bundle.charter.charterId, version: 1, digest: '0'.repeat(64), signedAt: sig.signedAt });
    expect(opensslVerify(sig.publicKey, Buffer.from(text, 'utf8'), sig.signature)).toBe(false);
  });
});
