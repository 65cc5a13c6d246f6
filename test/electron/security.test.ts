// Table tests for what may leave the app (external links), what may navigate (nothing), and
// which permissions the renderer gets (next to none).
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, installSecurityHeaders } from '../../electron/main/contentSecurityPolicy';
import type { HeaderSessionLike } from '../../electron/main/contentSecurityPolicy';
import { parseExternalUrl } from '../../electron/main/externalLinks';
import { installPermissionPolicy, isPermissionGranted } from '../../electron/main/permissions';
import type { PermissionSessionLike } from '../../electron/main/permissions';
import { installNavigationPolicy, secureWebPreferences } from '../../electron/main/security';
import type { NavigableContentsLike, PreventableEvent } from '../../electron/main/security';

describe('external links', () => {
  it.each([
    ['https://www.nist.gov/itl/ai-risk-management-framework', true],
    ['http://plant-wiki.local/line4', true],
    ['HTTPS://EXAMPLE.COM/a?b#c', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['smb://fileserver/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['vscode://file/etc/passwd', false],
    ['app://bridgeboard/index.html', false],
    ['https://intranet.corp@evil.example/', false],
    ['https://user:pass@example.com/', false],
    ['//example.com/', false],
    ['example.com', false],
    ['', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
    [42, false],
    [null, false],
  ])('%j → %s', (url, allowed) => {
    expect(parseExternalUrl(url) !== null).toBe(allowed);
  });
});

class FakeContents implements NavigableContentsLike {
  readonly listeners = new Map<string, (event: PreventableEvent & { url: string }, url: string) => void>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (event: PreventableEvent & { url: string }, url: string) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  fire(event: string, url: string): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ preventDefault: () => void (prevented = true), url }, url);
    return prevented;
  }
}

describe('navigation and new windows', () => {
  const cases: [string, string | null][] = [
    ['https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards', 'https://www.isa.org/standards-and-publications/isa-standards/isa-iec-62443-series-of-standards'],
    ['http://historian.plant.local/', 'http://historian.plant.local/'],
    ['app://bridgeboard/elsewhere.html', null],
    ['file:///C:/Windows/System32/calc.exe', null],
    ['javascript:alert(document.cookie)', null],
    ['https://a@b.example/', null],
  ];

  it.each(cases)('will-navigate to %s is prevented; the system browser gets %s', async (url, expected) => {
    const opened: string[] = [];
    const contents = new FakeContents();
    installNavigationPolicy(contents, async (u) => void opened.push(u));
    expect(contents.fire('will-navigate', url)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toEqual(expected === null ? [] : [expected]);
  });

  it.each(cases)('window.open(%s) is denied; the system browser gets %s', async (url, expected) => {
    const opened: string[] = [];
    const contents = new FakeContents();
    installNavigationPolicy(contents, async (u) => void opened.push(u));
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toEqual(expected === null ? [] : [expected]);
  });

  it.each(['will-frame-navigate', 'will-redirect', 'will-attach-webview'])('%s is always prevented', (event) => {
    const contents = new FakeContents();
    installNavigationPolicy(contents, async () => {});
    expect(contents.fire(event, 'app://bridgeboard/index.html')).toBe(true);
  });
});

describe('permissions', () => {
  it.each([
    ['clipboard-sanitized-write', 'app://bridgeboard/index.html', true],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard-read', 'app://bridgeboard/index.html', false],
    ['media', 'app://bridgeboard/index.html', false],
    ['geolocation', 'app://bridgeboard/index.html', false],
    ['notifications', 'app://bridgeboard/index.html', false],
    ['openExternal', 'app://bridgeboard/index.html', false],
    ['hid', 'app://bridgeboard/index.html', false],
    ['serial', 'app://bridgeboard/index.html', false],
    ['unknown-future-permission', 'app://bridgeboard/index.html', false],
  ])('%s from %s → %s', (permission, url, granted) => {
    expect(isPermissionGranted(permission, url)).toBe(granted);
  });

  it('installs request and check handlers that deny by default', () => {
    let request: Parameters<PermissionSessionLike['setPermissionRequestHandler']>[0] | null = null;
    let check: Parameters<PermissionSessionLike['setPermissionCheckHandler']>[0] | null = null;
    installPermissionPolicy({ setPermissionRequestHandler: (h) => void (request = h), setPermissionCheckHandler: (h) => void (check = h) });
    const answers: boolean[] = [];
    request!(null, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://bridgeboard/' });
    request!(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: 'app://bridgeboard/' });
    expect(answers).toEqual([false, true]);
    expect(check!(null, 'media', 'app://bridgeboard', {})).toBe(false);
  });
});

describe('window preferences and CSP', () => {
  it('keeps the renderer isolated and sandboxed', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows no inline or remote script, no eval, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('default-src')).toBe("default-src 'none'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directives.get('worker-src')).toBe("worker-src 'self'");
  });

  it('replaces any CSP on session responses with ours', () => {
    let listener: Parameters<HeaderSessionLike['webRequest']['onHeadersReceived']>[0] | null = null;
    installSecurityHeaders({ webRequest: { onHeadersReceived: (l) => void (listener = l) } });
    let headers: Record<string, string[] | string> | undefined;
    listener!({ responseHeaders: { 'content-security-policy': ["script-src *"], 'X-Other': ['1'] } }, (r) => void (headers = r.responseHeaders));
    expect(headers).toMatchObject({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] });
    expect(headers).not.toHaveProperty('content-security-policy');
  });
});
