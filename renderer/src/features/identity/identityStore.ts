// This device's signing identity as the UI sees it: loaded once from the host (which keeps the
// private key), with the reason in words when it cannot be had.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Host, PublicIdentity } from '../../host/Host';
import { describeError } from '../../ui/describeError';

export type IdentityState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly identity: PublicIdentity }
  | { readonly status: 'failed'; readonly error: string };

export const identityStore = createStore<IdentityState>()(() => ({ status: 'idle' }));

let loading: Promise<PublicIdentity | null> | null = null;

/** Loads (or creates) the key once per app run; later calls share the answer. */
export function loadIdentity(host: Host): Promise<PublicIdentity | null> {
  loading ??= host.identity.get().then(
    (identity) => {
      identityStore.setState({ status: 'ready', identity });
      return identity;
    },
    (e: unknown) => {
      loading = null; // a keyring unlocked later gets another try
      identityStore.setState({ status: 'failed', error: describeError(e, 'Loading your signing key') });
      return null;
    },
  );
  if (identityStore.getState().status === 'idle') identityStore.setState({ status: 'loading' });
  return loading;
}

export const useIdentity = (): IdentityState => useStore(identityStore);
