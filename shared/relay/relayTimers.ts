// Timers for shared/: both runtimes have them, but shared/ is compiled without DOM or Node types.
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const globalTimers: Timers = {
  setTimeout: (fn, ms) => (globalThis as unknown as Timers).setTimeout(fn, ms),
  clearTimeout: (h) => (globalThis as unknown as Timers).clearTimeout(h),
  setInterval: (fn, ms) => (globalThis as unknown as Timers).setInterval(fn, ms),
  clearInterval: (h) => (globalThis as unknown as Timers).clearInterval(h),
};
