// Shown instead of the app where it cannot work (insecureOrigin.ts): why, in plain words, and
// what to open instead. Nothing else runs, so nothing fails silently behind it.
import type { InsecureOrigin } from './insecureOrigin';

export function InsecureOriginPage({ problem }: { readonly problem: InsecureOrigin }) {
  return (
    <main className="page page-insecure" data-testid="insecure-origin">
      <h1>Open Bridgeboard over https</h1>
      <p role="alert">
        This page was opened over plain http ({problem.origin}), so your browser has switched off the cryptography Bridgeboard needs: the room&rsquo;s
        encryption and your signing key. It cannot work from this address.
      </p>
      <p>Open this instead (the invite comes along):</p>
      <p>
        <a href={problem.httpsUrl} data-testid="insecure-origin-https">
          {problem.httpsUrl}
        </a>
      </p>
      <p className="hint">
        If that does not open, ask the facilitator for the https link or scan the invite&rsquo;s QR code again. Your browser may warn about the certificate:
        check its fingerprint with the facilitator before you continue. Or use the Bridgeboard desktop app.
      </p>
    </main>
  );
}
