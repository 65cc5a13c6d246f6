// One Bridgeboard per user: a second launch hands over to the first (which comes to the front)
// and quits, so two processes never append to the same workshop logs.

export interface SingleInstanceAppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: readonly string[]) => void): this;
}

/** False if another instance holds the lock; this one is then quitting. */
/** `onSecondInstance` gets the second launch's arguments: an invite link may be among them. */
export function claimSingleInstance(app: SingleInstanceAppLike, onSecondInstance: (argv: readonly string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondInstance(Array.isArray(argv) ? argv : []));
  return true;
}
