// Workshop files in a browser: saving is a Blob download through <a download>, opening is a
// hidden <input type=file>. Browsers do not say when a picker is dismissed except by `cancel`.
import { HostError, type WorkshopFiles } from './Host';

/** Files larger than this are refused before they are read into memory. */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

function download(suggestedName: string, bytes: Uint8Array): void {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createBrowserFiles(): WorkshopFiles {
  return {
    async save(suggestedName, bytes) {
      if (typeof suggestedName !== 'string' || !(bytes instanceof Uint8Array)) throw new HostError('invalid-request', 'Nothing to save.');
      try {
        download(suggestedName, bytes);
      } catch {
        throw new HostError('unavailable', 'The browser refused to save the file.');
      }
      return true;
    },
    open(kind = 'workshop') {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = kind === 'charter' ? '.pdf,.json,.md,application/pdf,application/json,text/markdown' : '.bridgeboard,application/octet-stream';
        input.style.display = 'none';
        input.setAttribute('data-testid', 'workshop-file-input');
        const done = () => input.remove();
        input.addEventListener('cancel', () => {
          done();
          resolve(null);
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          done();
          if (!file) return resolve(null);
          if (file.size > MAX_OPEN_BYTES) return reject(new HostError('too-large', `"${file.name}" is too large to be a workshop file.`));
          file.arrayBuffer().then(
            (buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }),
            () => reject(new HostError('unavailable', `"${file.name}" could not be read.`)),
          );
        });
        document.body.append(input);
        input.click();
      });
    },
  };
}
