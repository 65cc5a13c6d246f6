// The IPC contract between the Electron main process and the renderer.
export * from './contract';
export * from './result';
export * from './schemas';
export * from './bridgeApi';
export * from './vaultSchemas';
