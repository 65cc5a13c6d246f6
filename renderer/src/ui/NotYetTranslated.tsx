// Marks where a feature that is not localized yet shows its English (issue 14's next phase:
// charter, facilitation), so the pseudo-locale sweep can tell that known debt from
// a regression. It adds no box of its own (display: contents). Remove each wrapper as its
// feature is converted.
import type { ReactNode } from 'react';

export type PendingFeature = 'charter' | 'facilitation';

export function NotYetTranslated({ feature, children, block = false }: { readonly feature: PendingFeature; readonly children: ReactNode; readonly block?: boolean }) {
  const Tag = block ? 'div' : 'span';
  return (
    <Tag className="contents" data-i18n-pending={feature}>
      {children}
    </Tag>
  );
}
