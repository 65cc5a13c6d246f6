// How a participant makes sure this page really comes from the facilitator's computer (or the
// company's server): the invite names the certificate, the facilitator reads its fingerprint
// out, and the browser shows the one it got. This page cannot check for them (a page cannot see
// its own certificate, and a forged page would say anything), so it says where to look.
import { fingerprintReadAloud, formatFingerprint } from '../../../../shared/room';

export function CertificateCheck({ fingerprint, inBrowser }: { readonly fingerprint: string; readonly inBrowser: boolean }) {
  const start = fingerprintReadAloud(fingerprint);
  if (!inBrowser) {
    return (
      <p className="hint" data-testid="certificate-check">
        This app trusts the room&rsquo;s server only with the certificate the invite names, fingerprint beginning <strong className="fingerprint">{start}</strong>.
      </p>
    );
  }
  return (
    <section className="certificate-check" aria-labelledby="certificate-check-title" data-testid="certificate-check">
      <h2 id="certificate-check-title">Check that this page comes from the facilitator</h2>
      <ol>
        <li>Click the icon at the left of the address bar (it may say &ldquo;Not secure&rdquo;) and open the certificate details.</li>
        <li>
          Find its <strong>SHA-256 fingerprint</strong> (of the certificate, not the public key). It must begin with{' '}
          <strong className="fingerprint" data-testid="certificate-read-aloud">
            {start}
          </strong>
          , the same the facilitator reads out.
        </li>
        <li>If it begins differently, do not join: someone else&rsquo;s server is answering. Tell the facilitator.</li>
      </ol>
      <details>
        <summary>The whole fingerprint</summary>
        <p className="fingerprint">{formatFingerprint(fingerprint)}</p>
      </details>
    </section>
  );
}
