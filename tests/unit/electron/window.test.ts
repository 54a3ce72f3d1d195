import * as electron from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { preloadPath, rendererUrl } from '../../../main/electron/paths.js';
import { createMainWindow, windowWebPreferences } from '../../../main/electron/window.js';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectronModule());
const fake = electron as unknown as FakeElectron;

describe('main window', () => {
  test('web preferences: context isolation, sandbox, no Node, web security, our preload — and nothing looser', () => {
    expect(windowWebPreferences('/app/dist/preload/index.cjs')).toEqual({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  test('createMainWindow uses those preferences and stays hidden until ready-to-show', () => {
    const window = createMainWindow('/app/dist/preload/index.cjs') as unknown as InstanceType<
      FakeElectron['BrowserWindow']
    >;
    expect(window.options.webPreferences).toEqual(windowWebPreferences('/app/dist/preload/index.cjs'));
    expect(window.options.show).toBe(false);
    expect(window.options.title).toBe('SFHS Sync Console');
    expect(fake.createdWindows).toContain(window);
  });
});

describe('what the window loads', () => {
  test('the built page as a file: URL, and the preload from dist/preload', () => {
    expect(rendererUrl('/opt/sfhs', false, {})).toBe('file:///opt/sfhs/dist/renderer/index.html');
    expect(preloadPath('/opt/sfhs')).toBe('/opt/sfhs/dist/preload/index.cjs');
  });

  test('ELECTRON_RENDERER_URL points development at the Vite dev server', () => {
    expect(rendererUrl('/opt/sfhs', false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe(
      'http://localhost:5173/',
    );
  });

  test('a packaged app ignores ELECTRON_RENDERER_URL, so no variable can swap the trusted page', () => {
    expect(rendererUrl('/opt/sfhs/resources/app.asar', true, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(
      'file:///opt/sfhs/resources/app.asar/dist/renderer/index.html',
    );
  });
});
