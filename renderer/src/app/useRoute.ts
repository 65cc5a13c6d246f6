// The current view from the URL hash (#/w/<id> is a board), so a reload stays on the board.
import { useCallback, useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): { workshopId: string | null; open: (id: string | null) => void } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const match = /^#\/w\/([\w-]{1,100})$/.exec(hash);
  const open = useCallback((id: string | null) => {
    window.location.hash = id ? `#/w/${id}` : '#/';
  }, []);
  return { workshopId: match?.[1] ?? null, open };
}
