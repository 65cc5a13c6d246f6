// Fakes for the Electron objects IPC touches, implementing the same interfaces as the real ones.
import type { FrameLike, InvokeEventLike, IpcMainLike } from '../../electron/main/ipc';

export function frame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

export function invokeEvent(senderId: number, senderFrame: FrameLike | null): InvokeEventLike {
  return { sender: { id: senderId }, senderFrame };
}

/** Records handlers the way ipcMain does, and lets a test invoke a channel like a renderer would. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, payload: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    // Electron rejects an invoke on a channel without a handler.
    if (handler === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, payload);
  }
}
