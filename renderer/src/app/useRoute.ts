// The current view from the URL hash (#/w/<id> is a board, #/join/<code> joins a room), so a
// reload stays where it was.
import { useCallback, useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): { workshopId: string | null; open: (id: string | null) => void; join: string | null } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const match = /^#\/w\/([\w-]{1,100})$/.exec(hash);
  // The whole route, which invite parsing accepts as it is ('' when no code was given).
  const join = /^#\/join(\/.*)?$/.test(hash) ? (hash === '#/join' || hash === '#/join/' ? '' : hash) : null;
  const open = useCallback((id: string | null) => {
    window.location.hash = id ? `#/w/${id}` : '#/';
  }, []);
  return { workshopId: match?.[1] ?? null, open, join };
}
