// Applies the theme to <html>: the user's choice if made, else the system preference.
import { useEffect, useSyncExternalStore } from 'react';
import { useUi, type Theme } from '../core/notices';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const mq = query();
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** The theme in effect. */
export function useTheme(): Theme {
  const chosen = useUi((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => query().matches);
  const theme: Theme = chosen ?? (systemDark ? 'dark' : 'light');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
