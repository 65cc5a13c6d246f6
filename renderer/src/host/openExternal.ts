// Opens a link outside the app, but only a parsed http(s) URL: never javascript:, file: or
// anything else a crafted card could smuggle in. `open` is injected so this can be tested.
import { HostError } from './Host';

export function safeExternalUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export async function openExternalUrl(value: unknown, open: (url: string) => void): Promise<void> {
  const url = safeExternalUrl(value);
  if (!url) throw new HostError('forbidden', 'Only web links (http or https) can be opened.');
  open(url.href);
}
