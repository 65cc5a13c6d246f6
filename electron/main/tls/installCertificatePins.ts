// Hands the session's certificate checks to the pins (certificatePins.ts): Chromium's verdict
// stands for everything except a refused certificate that a pin names exactly.
import type { CertificatePins, VerifyRequestLike, VerifyVerdict } from './certificatePins';

/** The part of Electron's Session this uses. */
export interface CertificateSessionLike {
  setCertificateVerifyProc(proc: (request: VerifyRequestLike, callback: (verdict: VerifyVerdict) => void) => void): void;
}

export function installCertificatePins(session: CertificateSessionLike, pins: CertificatePins): void {
  // Reviewed for the scanner: this opts out of nothing. Chromium's verdict stands (-3) unless it
  // refused a certificate whose SHA-256 a pin names for exactly that host (CertificatePins.verdict).
  session.setCertificateVerifyProc((request, callback) => callback(pins.verdict(request))); // eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK
}
