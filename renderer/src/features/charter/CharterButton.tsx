// The board toolbar's way into the charter, with a badge while a version awaits my signature.
import { useStore } from 'zustand';
import { useT } from '../../core/i18n';
import { useCharterService } from './charterContext';
import { charterSignals } from './charterSignals';

export function CharterButton({ onOpen }: { readonly onOpen: () => void }) {
  const t = useT();
  const service = useCharterService();
  const awaiting = useStore(service.store, (s) => charterSignals(s, service.me()).awaitingMe.length);
  return (
    <button type="button" onClick={onOpen} data-testid="open-charter" aria-label={awaiting > 0 ? t('charter.button.awaiting', { count: awaiting }) : undefined}>
      {t('charter.button')}
      {awaiting > 0 && (
        <span className="badge charter-badge" aria-hidden="true" data-testid="charter-badge">
          {awaiting}
        </span>
      )}
    </button>
  );
}
