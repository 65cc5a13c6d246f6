// The app: protocol serves the bundle and nothing outside it, with real files and symlinks.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleAppRequest, registerAppScheme } from '../../electron/main/appProtocol';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'bb-proto-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Bridgeboard</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the bundle');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('app protocol', () => {
  it.each([
    ['app://bridgeboard/', 200, 'text/html; charset=utf-8'],
    ['app://bridgeboard/index.html', 200, 'text/html; charset=utf-8'],
    ['app://bridgeboard/workshop/abc', 200, 'text/html; charset=utf-8'],
    ['app://bridgeboard/assets/app.js', 200, 'text/javascript; charset=utf-8'],
    ['app://bridgeboard/assets/missing.js', 404, null],
  ])('%s → %i', async (url, status, type) => {
    const response = await handleAppRequest(root, url);
    expect(response.status).toBe(status);
    if (type !== null) expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each([
    'app://bridgeboard/../secret.txt',
    'app://bridgeboard/%2e%2e/secret.txt',
    'app://bridgeboard/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://bridgeboard/..%5csecret.txt',
    'app://bridgeboard/assets/link.js',
    'app://bridgeboard/%00index.html',
    'app://bridgeboard/%E0%A4%A.js',
    'app://other/index.html',
    'file:///etc/passwd.js',
  ])('never serves %s', async (url) => {
    const response = await handleAppRequest(root, url);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('registers the scheme as standard and secure', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });
});
