// One Bridgeboard per user: a second launch hands over to the first (which comes to the front)
// and quits, so two processes never append to the same workshop logs.

export interface SingleInstanceAppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): this;
}

/** False if another instance holds the lock; this one is then quitting. */
export function claimSingleInstance(app: SingleInstanceAppLike, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
