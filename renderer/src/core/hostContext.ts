// The Host the app runs on, provided once at the root so components never pick a host themselves.
import { createContext, useContext } from 'react';
import type { Host } from '../host/Host';

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostContext');
  return host;
}
