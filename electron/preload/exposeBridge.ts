// Puts the contract-derived bridge into the page, and nothing else: no ipcRenderer, no generic
// send, no sendSync. Injected Electron parts keep it testable in Node. Imports only the
// zod-free parts of the protocol so the sandboxed preload stays small.
import { BRIDGE_GLOBAL, buildBridge } from '../../shared/protocol/bridgeApi';
import type { BridgeApi } from '../../shared/protocol/bridgeApi';
import type { Channel } from '../../shared/protocol/contract';

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: BridgeApi): void;
}

export interface IpcRendererLike {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): BridgeApi {
  // One closure per listed channel: the page can only name channels the contract lists.
  const bridge = buildBridge((channel, request) => ipcRenderer.invoke(channel, request));
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
  return bridge;
}
