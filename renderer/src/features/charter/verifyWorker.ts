// The app's charter verifier, off the main thread: a Web Worker that runs the same
// verifyCharterFile, with the same limits, as `bridgeboard verify`. A hostile file can then cost
// this worker some seconds at most, and the window keeps drawing and answering clicks meanwhile.
// Loaded by verifyInWorker.ts as a module worker from the app's own origin (CSP: script-src and
// worker-src 'self').
import { VERIFY_LIMITS, verifyCharterFile } from '../../../../shared/charter';
import { appFontLoader } from './charterFonts';
import type { VerifyResponse } from './verifyInWorker';

// The renderer is typed with the DOM library, which has no type for a worker's global scope;
// this is the part of DedicatedWorkerGlobalScope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: VerifyResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const bytes = event.data;
  if (!(bytes instanceof Uint8Array)) {
    scope.postMessage({ ok: false, error: 'the verifier was sent something other than a file' });
    return;
  }
  verifyCharterFile(bytes, VERIFY_LIMITS, appFontLoader).then(
    (verdict) => scope.postMessage({ ok: true, verdict }),
    (err: unknown) => scope.postMessage({ ok: false, error: `the verifier failed: ${err instanceof Error ? err.message : String(err)}` }),
  );
};
