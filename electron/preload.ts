// The preload script: runs sandboxed, before the page, and exposes the typed bridge.
// Bundled to CommonJS because sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './preload/exposeBridge';

exposeBridge(contextBridge, ipcRenderer);
