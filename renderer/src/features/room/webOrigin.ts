// Where this page's web build is served, for the invite's web link: the browser host knows it;
// the desktop app (app://) has none unless the facilitator names one.

export function currentWebOrigin(): string | null {
  const { protocol, origin, pathname } = window.location;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  return `${origin}${pathname.replace(/index\.html$/, '')}`.replace(/\/+$/, '');
}
