// Workshop files the OS opens with the app: which launch arguments count, the queue main keeps,
// and reading each within its limit, on real files (a folder, a named pipe, a file too large).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../electron/main/boundedFileRead';
import { CodedError } from '../../electron/main/codedError';
import { MAX_WAITING_FILES, OpenedFiles, workshopPathFrom } from '../../electron/main/openedFiles';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bb-opened-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof CodedError ? `${error.code}: ${error.message}` : `other: ${String(error)}`),
  );
}

describe('which launch arguments name a workshop file', () => {
  it('takes .bridgeboard paths, absolute or relative to where the app was started, and local file URLs', () => {
    expect(workshopPathFrom('/home/ada/Line 4.bridgeboard', '/tmp')).toBe('/home/ada/Line 4.bridgeboard');
    expect(workshopPathFrom('minutes/Line4.BRIDGEBOARD', '/home/ada')).toBe('/home/ada/minutes/Line4.BRIDGEBOARD');
    expect(workshopPathFrom('/home/ada/../ada/x.bridgeboard', '/')).toBe('/home/ada/x.bridgeboard');
    expect(workshopPathFrom(pathToFileURL('/home/ada/Line 4.bridgeboard').href, '/')).toBe('/home/ada/Line 4.bridgeboard');
    expect(workshopPathFrom('file://localhost/home/ada/x.bridgeboard', '/')).toBe('/home/ada/x.bridgeboard');
  });

  it.each([
    ['a switch', '--user-data-dir=/tmp/x.bridgeboard'],
    ['another extension', '/home/ada/.ssh/id_ed25519'],
    ['a name that only contains it', '/home/ada/x.bridgeboard.pdf'],
    ['the app itself', '/opt/Bridgeboard/bridgeboard'],
    ['an invite link', 'bridgeboard://join?invite=ABC'],
    ['a remote file URL', 'file://server/share/x.bridgeboard'],
    ['a web URL', 'https://example.com/x.bridgeboard'],
    ['a NUL byte', '/tmp/x\0.bridgeboard'],
    ['an empty string', ''],
    ['a number', 42],
    ['a path too long', `/${'a'.repeat(5000)}.bridgeboard`],
  ])('ignores %s', (_what, arg) => {
    expect(workshopPathFrom(arg, '/tmp')).toBeNull();
  });
});

describe('the queue of opened files', () => {
  it('hands each file over once, in order, read in main', async () => {
    await writeFile(join(dir, 'a.bridgeboard'), new Uint8Array([1, 2, 3]));
    await writeFile(join(dir, 'b.bridgeboard'), new Uint8Array([4]));
    let queued = 0;
    const files = new OpenedFiles({ maxBytes: 1024, onQueued: () => (queued += 1) });
    expect(files.addFromArgv(['/opt/bridgeboard', '--no-sandbox', 'a.bridgeboard', join(dir, 'b.bridgeboard'), 'a.bridgeboard'], dir)).toBe(3);
    expect(queued).toBe(3);
    expect(files.size).toBe(2);
    expect(await files.take()).toEqual({ name: 'a.bridgeboard', bytes: new Uint8Array([1, 2, 3]) });
    expect(await files.take()).toEqual({ name: 'b.bridgeboard', bytes: new Uint8Array([4]) });
    expect(await files.take()).toBeNull();
  });

  it('takes an unreadable file off the queue with the reason, and goes on', async () => {
    await writeFile(join(dir, 'big.bridgeboard'), new Uint8Array(2048));
    await writeFile(join(dir, 'ok.bridgeboard'), new Uint8Array([9]));
    const files = new OpenedFiles({ maxBytes: 1024 });
    files.add(join(dir, 'big.bridgeboard'), dir);
    files.add(join(dir, 'gone.bridgeboard'), dir);
    files.add(join(dir, 'ok.bridgeboard'), dir);
    expect(await failure(files.take())).toBe('too-large: big.bridgeboard is 0.0 MB; the limit is 0.0 MB.');
    expect(await failure(files.take())).toMatch(/^storage-failed: Could not read gone\.bridgeboard: the file or folder does not exist/);
    expect(await files.take()).toEqual({ name: 'ok.bridgeboard', bytes: new Uint8Array([9]) });
  });

  it('keeps at most a bounded number waiting', () => {
    const files = new OpenedFiles({ maxBytes: 1024 });
    const argv = Array.from({ length: MAX_WAITING_FILES + 10 }, (_, i) => `/tmp/${i}.bridgeboard`);
    expect(files.addFromArgv(argv, '/')).toBe(MAX_WAITING_FILES);
  });

  it('wakes a waiting renderer when a file comes, and answers false when none came in time', async () => {
    const files = new OpenedFiles({ maxBytes: 1024 });
    expect(await files.wait(20)).toBe(false);
    const waiting = files.wait(10_000);
    files.add('/tmp/later.bridgeboard', '/');
    expect(await waiting).toBe(true);
    expect(await files.wait(10_000)).toBe(true);
  });
});

describe('reading a file within its limit', () => {
  it('refuses a folder and a named pipe without waiting for a writer', async () => {
    await mkdir(join(dir, 'folder.bridgeboard'));
    expect(await failure(readBoundedFile(join(dir, 'folder.bridgeboard'), 1024))).toBe('invalid-request: folder.bridgeboard is not a file.');
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'pipe.bridgeboard')]);
      expect(await failure(readBoundedFile(join(dir, 'pipe.bridgeboard'), 1024))).toBe('invalid-request: pipe.bridgeboard is not a file.');
    }
  });

  it('reads a file exactly at the limit and refuses one byte more', async () => {
    await writeFile(join(dir, 'at.bridgeboard'), new Uint8Array(1024).fill(7));
    await writeFile(join(dir, 'over.bridgeboard'), new Uint8Array(1025));
    const read = await readBoundedFile(join(dir, 'at.bridgeboard'), 1024);
    expect(read.bytes).toEqual(new Uint8Array(1024).fill(7));
    expect(await failure(readBoundedFile(join(dir, 'over.bridgeboard'), 1024))).toMatch(/^too-large: over\.bridgeboard is/);
  });
});
