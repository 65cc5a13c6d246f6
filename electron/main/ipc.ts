// Registers one IPC handler per contract channel. Every call is checked in the same order:
// known channel, trusted sender frame, request parsed by its schema, handler, response parsed
// by its schema. The reply is always a Result, never a thrown error.
import { contract, fail, isChannel, ok } from '../../shared/protocol';
import type { Channel, RequestOf, ResponseOf, Result } from '../../shared/protocol';
import { isAppUrl } from './appOrigin';
import { CodedError } from './codedError';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type Handlers = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface IpcOptions {
  /** True only for webContents of windows this app created. */
  readonly isOwnWebContents: (id: number) => boolean;
  readonly log?: (message: string, error: unknown) => void;
}

/** Why a sender is refused, or null when it may call us. */
export function senderProblem(event: InvokeEventLike, isOwnWebContents: (id: number) => boolean): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  if (frame.parent !== null) return 'only the top frame may call the main process';
  if (!isOwnWebContents(event.sender.id)) return 'the sender is not one of our windows';
  if (!isAppUrl(frame.url)) return 'the sender is not the app origin';
  return null;
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}

export async function dispatch(
  handlers: Handlers,
  options: IpcOptions,
  channel: unknown,
  event: InvokeEventLike,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('unknown-channel', `no such channel: ${String(channel)}`);
  const problem = senderProblem(event, options.isOwnWebContents);
  if (problem !== null) return fail('forbidden', problem);
  const spec = contract[channel];
  const request = spec.request.safeParse(payload);
  if (!request.success) {
    const tooLarge = request.error.issues.some((issue) => 'params' in issue && issue.params?.tooLarge === true);
    return fail(tooLarge ? 'too-large' : 'invalid-request', `${channel}: ${describeIssues(request.error)}`);
  }
  let value: unknown;
  try {
    // The handler table is indexed by the same channel whose schema parsed the request.
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    value = await handler(request.data);
  } catch (error) {
    if (error instanceof CodedError) return fail(error.code, error.message);
    options.log?.(`${channel} failed`, error);
    return fail('internal', `${channel} failed unexpectedly`);
  }
  const response = spec.response.safeParse(value);
  if (!response.success) {
    options.log?.(`${channel} returned a value outside its contract`, response.error);
    return fail('internal', `${channel} returned an invalid response`);
  }
  return ok(response.data);
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, options: IpcOptions): () => void {
  const channels = Object.keys(contract) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => dispatch(handlers, options, channel, event, payload));
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
