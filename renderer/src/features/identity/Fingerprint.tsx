// A key fingerprint as people read it aloud: six groups of five digits, spaced, in monospace.
// Real spaces between the groups, so a copied fingerprint reads the same as the shown one.
import { Fragment } from 'react';
import { useT } from '../../core/i18n';

export function Fingerprint({ value, label }: { readonly value: string; readonly label?: string }) {
  const t = useT();
  return (
    <span className="fingerprint" aria-label={label ?? t('identity.fingerprint.of', { value })} data-testid="fingerprint">
      {value.split(' ').map((group, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="fingerprint-group">{group}</span>
        </Fragment>
      ))}
    </span>
  );
}
