// The static server behind `npm run web`: paths cannot escape its folder, and files are served
// with the right MIME types (a wrong one would make the browser refuse the app's scripts).
import { request as httpRequest } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { resolveInside, startStaticServer } from '../../scripts/staticServer.mjs';

/** A raw GET that sends the path exactly as written (no URL normalisation). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('static server', () => {
  test('refuses paths that leave the served folder', () => {
    const root = path.resolve('/srv/app');
    for (const bad of ['/../secret', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/x', '/a/../../x', '/%00', '/%E0%A4%A']) {
      expect(resolveInside(root, bad), bad).toBeNull();
    }
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/a.js?v=1')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveInside(root, '/a/../b.css')).toBe(path.join(root, 'b.css'));
  });

  test('serves files with their MIME types and never a file outside the folder', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'bb-static-'));
    const root = path.join(base, 'site');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><p>hi</p>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(base, 'secret.txt'), 'do not serve');
    const server = await startStaticServer(root, 0);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await rawGet(server.port, '/');
      expect(index.status).toBe(200);
      expect(index.type).toBe('text/html; charset=utf-8');
      expect((await rawGet(server.port, '/assets/app.js')).type).toBe('text/javascript; charset=utf-8');
      expect((await rawGet(server.port, '/missing.js')).status).toBe(404);
      for (const escape of ['/../secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt']) {
        const res = await rawGet(server.port, escape);
        expect(res.status, escape).toBeGreaterThanOrEqual(400);
        expect(res.body).not.toContain('do not serve');
      }
    } finally {
      await server.close();
    }
  });
});
