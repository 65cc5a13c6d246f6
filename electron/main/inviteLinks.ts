// Invite links that open the desktop app, bridgeboard://join?invite=<code>: the OS hands them
// over as a command-line argument (Windows, Linux: at launch, or to the running instance) or as
// an open-url event (macOS). Only the code's characters pass; the app then shows its own join
// page, which parses the invite and says what is wrong with a bad one.
export const INVITE_PROTOCOL = 'bridgeboard';

const link = /^bridgeboard:\/\/join\/?\?invite=([A-Za-z0-9-]{1,2048})$/i;

/** The renderer's join route for an invite link, or null for anything else. */
export function joinRouteFrom(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const code = link.exec(url.trim())?.[1];
  return code ? `#/join/${code}` : null;
}

/** The join route of the first invite link among command-line arguments. */
export function joinRouteInArgv(argv: readonly unknown[]): string | null {
  for (const arg of argv) {
    const route = joinRouteFrom(arg);
    if (route) return route;
  }
  return null;
}
