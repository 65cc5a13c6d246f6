// Shown instead of the app where it cannot work (insecureOrigin.ts): why, in plain words, and
// what to open instead. Nothing else runs, so nothing fails silently behind it.
import { useT } from '../core/i18n';
import type { InsecureOrigin } from './insecureOrigin';

export function InsecureOriginPage({ problem }: { readonly problem: InsecureOrigin }) {
  const t = useT();
  return (
    <main className="page page-insecure" data-testid="insecure-origin">
      <h1>{t('app.insecure.title')}</h1>
      <p role="alert">{t('app.insecure.why', { origin: problem.origin })}</p>
      <p>{t('app.insecure.openInstead')}</p>
      <p>
        <a href={problem.httpsUrl} data-testid="insecure-origin-https">
          {problem.httpsUrl}
        </a>
      </p>
      <p className="hint">{t('app.insecure.hint')}</p>
    </main>
  );
}
