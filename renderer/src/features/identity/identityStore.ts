// This device's signing identity as the UI sees it: loaded once from the host (which keeps the
// private key), with the reason in words when it cannot be had.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { HostError, type Host, type PublicIdentity } from '../../host/Host';
import { describeError } from '../../core/describeError';
import { t } from '../../core/i18n';

export type IdentityState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly identity: PublicIdentity }
  /** `replaceable`: the key cannot be used as stored ('corrupt'), so a new key is the way out. */
  | { readonly status: 'failed'; readonly error: string; readonly replaceable: boolean };

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
      identityStore.setState({ status: 'failed', error: describeError(e, t('identity.doing.loading')), replaceable: e instanceof HostError && e.code === 'corrupt' });
      return null;
    },
  );
  if (identityStore.getState().status === 'idle') identityStore.setState({ status: 'loading' });
  return loading;
}

/**
 * Replaces this device's key with a new one (the host sets the old one aside). Resolves with the
 * new identity, or null when the user declined in the desktop app's own confirmation; rejects
 * with the reason in words.
 */
export async function replaceIdentity(host: Host): Promise<PublicIdentity | null> {
  try {
    const identity = await host.identity.replace();
    loading = Promise.resolve(identity);
    identityStore.setState({ status: 'ready', identity });
    return identity;
  } catch (e) {
    if (e instanceof HostError && e.code === 'cancelled') return null;
    throw new Error(describeError(e, t('identity.doing.replacing')), { cause: e });
  }
}

export const useIdentity = (): IdentityState => useStore(identityStore);
