// Verifies a charter file in a Web Worker (verifyWorker.ts), so that even the worst file under
// the limits never freezes the window. One worker per file, ended when it answers: nothing a
// hostile file left behind outlives its verdict. A worker that does not answer within
// VERIFY_TIMEOUT_MS (the limits keep any file to a few seconds) is ended and the file reported
// unreadable, so the dialog never waits forever.
import type { FileVerdict } from '../../../../shared/charter';
import { t } from '../../core/i18n';

export type VerifyResponse = { readonly ok: true; readonly verdict: FileVerdict } | { readonly ok: false; readonly error: string };

export const VERIFY_TIMEOUT_MS = 60_000;

export function verifyInWorker(bytes: Uint8Array): Promise<FileVerdict> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verifyWorker.ts', import.meta.url), { type: 'module', name: 'charter-verifier' });
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
    };
    const timer = setTimeout(() => {
      done();
      resolve({ readable: false, error: t('charter.verify.timeout', { seconds: VERIFY_TIMEOUT_MS / 1000 }) });
    }, VERIFY_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<VerifyResponse>) => {
      done();
      if (event.data.ok) resolve(event.data.verdict);
      else resolve({ readable: false, error: event.data.error });
    };
    worker.onerror = (event) => {
      done();
      event.preventDefault();
      reject(new Error(`The verifier could not start${event.message ? `: ${event.message}` : ''}.`));
    };
    // A copy is transferred, not the caller's bytes: the worker owns its buffer outright.
    const copy = bytes.slice();
    worker.postMessage(copy, [copy.buffer]);
  });
}
