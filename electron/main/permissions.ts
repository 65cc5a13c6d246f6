// Which web permissions the renderer gets: none, except writing to the clipboard (copying an
// invite link) and only for the app's own origin. Camera, microphone, geolocation,
// notifications, HID/USB/serial and the rest are refused without asking the user.
import { isAppUrl } from './appOrigin';

const GRANTED_TO_APP = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED_TO_APP.has(permission) && isAppUrl(requestingUrl);
}

/** The parts of Electron's Session the permission policy is installed on. */
export interface PermissionSessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean): void;
}

export function installPermissionPolicy(session: PermissionSessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl ?? ''));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
}
