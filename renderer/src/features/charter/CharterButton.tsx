// The board toolbar's way into the charter, with a badge while a version awaits my signature.
import { useStore } from 'zustand';
import { useCharterService } from './charterContext';
import { charterSignals } from './charterSignals';

export function CharterButton({ onOpen }: { readonly onOpen: () => void }) {
  const service = useCharterService();
  const awaiting = useStore(service.store, (s) => charterSignals(s, service.me()).awaitingMe.length);
  return (
    <button type="button" onClick={onOpen} data-testid="open-charter" aria-label={awaiting > 0 ? `Charter: ${awaiting} version${awaiting === 1 ? '' : 's'} await${awaiting === 1 ? 's' : ''} your signature` : undefined}>
      Charter
      {awaiting > 0 && (
        <span className="badge charter-badge" aria-hidden="true" data-testid="charter-badge">
          {awaiting}
        </span>
      )}
    </button>
  );
}
