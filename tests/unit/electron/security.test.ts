import type { Session, WebContents } from 'electron';
import { describe, expect, test } from 'vitest';
import {
  applySessionPolicy,
  contentSecurityPolicy,
  contentSecurityPolicyFor,
  externalOpenPolicy,
  hardenWebContents,
  isAppUrl,
} from '../../../main/electron/security.js';
import { FakeEvent, FakeWebContents, createFakeElectron } from './fake-electron.js';

const appUrl = 'file:///opt/sfhs/dist/renderer/index.html';

function hardened() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, appUrl, async (url) => {
    opened.push(url);
  });
  const navigate = (event: string, url: string) => {
    const fakeEvent = new FakeEvent(url);
    contents.emit(event, fakeEvent);
    return fakeEvent.defaultPrevented ? 'denied' : 'allowed';
  };
  return { contents, opened, navigate };
}

describe('content security policy', () => {
  test('scripts and connections only from the app itself, no eval, no plugins, no framing', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });

  test('the built page gets the strict policy; the dev server only adds inline scripts and its HMR socket', () => {
    expect(contentSecurityPolicyFor(appUrl)).toBe(contentSecurityPolicy);
    const dev = contentSecurityPolicyFor('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline';");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173;");
    expect(dev).not.toContain('unsafe-eval');
  });

  test('the session sends the CSP header with every response and refuses every permission', () => {
    const { session } = createFakeElectron();
    applySessionPolicy(session.defaultSession as unknown as Session, contentSecurityPolicy);
    let response: unknown;
    session.defaultSession.headerListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => {
      response = r;
    });
    expect(response).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      session.defaultSession.permissionRequest?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(session.defaultSession.permissionCheck?.({}, 'clipboard-read', 'file://')).toBe(false);
  });
});

describe('which URLs are the app', () => {
  test('a file: page is the app only if it is the very same file', () => {
    expect(isAppUrl(appUrl, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}#/settings`, appUrl)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/sfhs/dist/renderer/index.html', appUrl)).toBe(false);
    expect(isAppUrl('https://example.com/', appUrl)).toBe(false);
    expect(isAppUrl('not a url', appUrl)).toBe(false);
  });

  test('the dev server counts by origin', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  test('only https links may go to the system browser', () => {
    expect(externalOpenPolicy('https://login.salesforce.com/')).toBe('open-in-browser');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', '']) {
      expect(externalOpenPolicy(url)).toBe('ignore');
    }
  });
});

describe('navigation guards on every web contents', () => {
  test('will-navigate: the app page is allowed, anything else is denied; https goes to the browser', () => {
    const { navigate, opened } = hardened();
    expect(navigate('will-navigate', appUrl)).toBe('allowed');
    expect(navigate('will-navigate', 'https://app.hubspot.com/')).toBe('denied');
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe('denied');
    expect(opened).toEqual(['https://app.hubspot.com/']);
  });

  test('will-redirect away from the app is denied and opens nothing', () => {
    const { navigate, opened } = hardened();
    expect(navigate('will-redirect', 'https://evil.example/')).toBe('denied');
    expect(navigate('will-redirect', appUrl)).toBe('allowed');
    expect(opened).toEqual([]);
  });

  test('window.open is always denied; only https URLs are handed to the browser', () => {
    const { contents, opened } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://help.hubspot.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://help.hubspot.com/']);
  });

  test('webviews are never attached', () => {
    const { navigate } = hardened();
    expect(navigate('will-attach-webview', '')).toBe('denied');
  });
});
