// One Bridgeboard per user: a second launch hands over to the first (which comes to the front)
// and quits, so two processes never append to the same workshop logs.

export interface SingleInstanceAppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: readonly string[], workingDirectory?: unknown) => void): this;
}

/**
 * False if another instance holds the lock; this one is then quitting. `onSecondInstance` gets
 * the second launch's arguments and the folder it was started in: an invite link or a
 * workshop file (a relative path, from a terminal) may be among them.
 */
export function claimSingleInstance(app: SingleInstanceAppLike, onSecondInstance: (argv: readonly string[], workingDirectory: string | null) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) =>
    onSecondInstance(Array.isArray(argv) ? argv : [], typeof workingDirectory === 'string' ? workingDirectory : null),
  );
  return true;
}
