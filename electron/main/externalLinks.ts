// The only way out of the app to the web: a parsed http(s) URL handed to the system browser.
// Anything else (file:, javascript:, custom schemes that launch programs, smb: shares that leak
// NTLM hashes) is refused.

const MAX_URL_LENGTH = 2048;

/** The URL if it is a plain http(s) link we may hand to the system browser, else null. */
export function parseExternalUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // user:pass@host links are a phishing staple ("https://intranet.corp@evil.example").
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url;
}

/** Opens `value` with `open` (shell.openExternal) if it passes, and says whether it did. */
export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  const url = parseExternalUrl(value);
  if (url === null) return false;
  await open(url.href);
  return true;
}
