// Certificates this app trusts by fingerprint where Chromium's own check fails: the self-signed
// certificate of a room's port, named by the invite the user joined with (or served by this app
// itself). A pin holds for one host name and one certificate exactly; it never turns off
// checking for anything else, and only certificates Chromium has refused are looked at.
import { X509Certificate } from 'node:crypto';

/** The parts of Electron's setCertificateVerifyProc request read here. */
export interface VerifyRequestLike {
  readonly hostname: string;
  readonly certificate: { readonly data: string };
  /** Chromium's own verdict: 0 when the certificate is trusted as is. */
  readonly errorCode: number;
}

/** Electron's callback values: 0 trust, -2 refuse, -3 keep Chromium's verdict. */
export type VerifyVerdict = 0 | -2 | -3;

export const MAX_PINS = 64;

const hostPattern = /^([0-9a-f.:]{2,45}|[a-z0-9.-]{1,253})$/;

export class CertificatePins {
  private readonly pins = new Map<string, Set<string>>();

  /** Trusts the certificate with this SHA-256 (64 hex digits) for `host`. False when refused. */
  trust(host: string, sha256: string): boolean {
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    const fingerprint = sha256.toUpperCase();
    if (!hostPattern.test(h) || !/^[0-9A-F]{64}$/.test(fingerprint)) return false;
    const set = this.pins.get(h) ?? new Set<string>();
    if (!set.has(fingerprint) && [...this.pins.values()].reduce((n, s) => n + s.size, 0) >= MAX_PINS) return false;
    set.add(fingerprint);
    this.pins.set(h, set);
    return true;
  }

  matches(hostname: string, certPem: string): boolean {
    const set = this.pins.get(hostname.toLowerCase().replace(/^\[|\]$/g, ''));
    if (!set) return false;
    try {
      return set.has(new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toUpperCase());
    } catch {
      return false;
    }
  }

  verdict(request: VerifyRequestLike): VerifyVerdict {
    if (request.errorCode === 0) return -3;
    return this.matches(request.hostname, request.certificate.data) ? 0 : -3;
  }
}
