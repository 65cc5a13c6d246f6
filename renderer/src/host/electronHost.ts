// Placeholder until the Electron shell lands: the Electron host wraps the preload's bridge.
import type { Host } from './Host';

/** The Electron host when the preload's bridge is present, otherwise null. */
export function detectElectronHost(): Host | null {
  return null;
}
