// The window manager and the single-instance lock, over fakes with Electron's shapes.
import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../electron/main/singleInstance';
import type { SingleInstanceAppLike } from '../../electron/main/singleInstance';
import { WindowManager } from '../../electron/main/window';
import type { WindowLike } from '../../electron/main/window';

class FakeWindow implements WindowLike {
  private static next = 1;
  readonly webContents = { id: FakeWindow.next++ };
  readonly listeners = new Map<string, () => void>();
  shown = 0;
  loaded: string[] = [];
  constructor(readonly options: unknown) {}
  once(event: 'ready-to-show', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  on(event: 'closed', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
}

describe('WindowManager', () => {
  it('opens the app hidden, shows it on ready-to-show, and knows its webContents until closed', async () => {
    const manager = new WindowManager((options) => new FakeWindow(options), '/app/preload.cjs');
    const window = await manager.openMain();
    expect(window.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, preload: '/app/preload.cjs' } });
    expect(window.loaded).toEqual(['app://bridgeboard/index.html']);
    expect(window.shown).toBe(0);
    window.listeners.get('ready-to-show')?.();
    expect(window.shown).toBe(1);
    expect(manager.isOwnWebContents(window.webContents.id)).toBe(true);
    expect(manager.isOwnWebContents(window.webContents.id + 100)).toBe(false);
    window.listeners.get('closed')?.();
    expect(manager.isOwnWebContents(window.webContents.id)).toBe(false);
    expect(manager.mainWindow).toBeNull();
  });
});

describe('single instance', () => {
  function fakeApp(locked: boolean) {
    const state = { quit: 0, second: null as ((event: unknown, argv: readonly string[], workingDirectory?: unknown) => void) | null };
    const app: SingleInstanceAppLike = {
      requestSingleInstanceLock: () => locked,
      quit: () => void (state.quit += 1),
      on(_event, listener) {
        state.second = listener;
        return this;
      },
    };
    return { app, state };
  }

  it('the first instance keeps running and reveals itself on a second launch', () => {
    const { app, state } = fakeApp(true);
    let revealed = 0;
    const handed: [readonly string[], string | null][] = [];
    expect(claimSingleInstance(app, (argv, cwd) => ((revealed += 1), handed.push([argv, cwd])))).toBe(true);
    // The second launch's arguments come along: an invite link or a workshop file may be among
    // them, the file maybe relative to the folder the second launch started in.
    state.second?.({}, ['bridgeboard', 'bridgeboard://join?invite=CODE'], '/home/ada');
    state.second?.({}, ['bridgeboard', 'Line 4.bridgeboard'], 42);
    expect(revealed).toBe(2);
    expect(handed).toEqual([
      [['bridgeboard', 'bridgeboard://join?invite=CODE'], '/home/ada'],
      [['bridgeboard', 'Line 4.bridgeboard'], null],
    ]);
    expect(state.quit).toBe(0);
  });

  it('a second instance quits', () => {
    const { app, state } = fakeApp(false);
    expect(claimSingleInstance(app, () => {})).toBe(false);
    expect(state.quit).toBe(1);
  });
});
