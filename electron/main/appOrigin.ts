// The app's own origin. The renderer is served from a custom scheme, and everything that
// decides trust (IPC sender checks, navigation, CSP) compares against this one place.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bridgeboard';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * `URL.origin` is the opaque "null" for non-special schemes, so the scheme and host are
 * compared directly instead. Credentials or an explicit port make it a different origin.
 */
export function isAppUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}
