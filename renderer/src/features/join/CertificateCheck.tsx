// How a participant makes sure this page really comes from the facilitator's computer (or the
// company's server): the invite names the certificate, the facilitator reads its fingerprint
// out, and the browser shows the one it got. This page cannot check for them (a page cannot see
// its own certificate, and a forged page would say anything), so it says where to look.
import type { ReactNode } from 'react';
import { fingerprintReadAloud, formatFingerprint } from '../../../../shared/room';
import { useT } from '../../core/i18n';

export function CertificateCheck({ fingerprint, inBrowser }: { readonly fingerprint: string; readonly inBrowser: boolean }) {
  const t = useT();
  const start = fingerprintReadAloud(fingerprint);
  // Hex digits read out: the same in every language.
  const fingerprintStart = (chunks: ReactNode[]) => (
    <strong className="fingerprint" translate="no" data-testid="certificate-read-aloud">
      {chunks}
    </strong>
  );
  if (!inBrowser) {
    return (
      <p className="hint" data-testid="certificate-check">
        {t.rich('join.certificate.app', { start, fp: fingerprintStart })}
      </p>
    );
  }
  return (
    <section className="certificate-check" aria-labelledby="certificate-check-title" data-testid="certificate-check">
      <h2 id="certificate-check-title">{t('join.certificate.title')}</h2>
      <ol>
        <li>{t('join.certificate.step1')}</li>
        <li>{t.rich('join.certificate.step2', { start, fp: fingerprintStart })}</li>
        <li>{t('join.certificate.step3')}</li>
      </ol>
      <details>
        <summary>{t('join.certificate.whole')}</summary>
        <p className="fingerprint" translate="no">
          {formatFingerprint(fingerprint)}
        </p>
      </details>
    </section>
  );
}
