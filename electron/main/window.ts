// The main window: secure preferences, shown only once painted, and a record of which
// webContents are ours so IPC can refuse anything else.
import { APP_ENTRY_URL } from './appOrigin';
import { secureWebPreferences } from './security';

export interface WindowLike {
  readonly webContents: { readonly id: number };
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed', listener: () => void): this;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  loadURL(url: string): Promise<void>;
}

export type WindowFactory<W extends WindowLike> = (options: {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: ReturnType<typeof secureWebPreferences>;
}) => W;

export class WindowManager<W extends WindowLike> {
  private readonly contentsIds = new Set<number>();
  private main: W | null = null;

  constructor(
    private readonly create: WindowFactory<W>,
    private readonly preloadPath: string,
  ) {}

  isOwnWebContents = (id: number): boolean => this.contentsIds.has(id);

  get mainWindow(): W | null {
    return this.main;
  }

  async openMain(url: string = APP_ENTRY_URL): Promise<W> {
    const window = this.create({
      width: 1280,
      height: 820,
      minWidth: 800,
      minHeight: 560,
      // Shown on ready-to-show, so the user never sees an empty frame.
      show: false,
      title: 'Bridgeboard',
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(this.preloadPath),
    });
    const id = window.webContents.id;
    this.contentsIds.add(id);
    this.main = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.contentsIds.delete(id);
      if (this.main === window) this.main = null;
    });
    await window.loadURL(url);
    return window;
  }

  /** Brings the main window forward (a second launch, or a dock click). */
  reveal(): void {
    const window = this.main;
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
}
