// The browser host: IndexedDB storage, downloads and a file picker, and links opened in a new
// tab without an opener. Used by remote participants in a browser and by the e2e tests.
import type { Host } from './Host';
import { createBrowserStorage, databaseOpener } from './browserStorage';
import { createBrowserVault } from './browserVault';
import { createBrowserFiles } from './browserFiles';
import { createBrowserIdentity } from './browserIdentity';
import { openExternalUrl } from './openExternal';

export function createBrowserHost(): Host {
  const db = databaseOpener();
  return {
    kind: 'browser',
    storage: createBrowserStorage(db),
    vault: createBrowserVault(db),
    files: createBrowserFiles(),
    identity: createBrowserIdentity(),
    openExternal: (url) => openExternalUrl(url, (href) => void window.open(href, '_blank', 'noopener,noreferrer')),
  };
}
