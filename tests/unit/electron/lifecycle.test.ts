import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as electron from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { operationChannels } from '../../../shared/contract/channels.js';
import { databaseFileName } from '../../../main/app/services.js';
import { startElectronApp } from '../../../main/electron/lifecycle.js';
import { contentSecurityPolicy } from '../../../main/electron/security.js';
import { tempDirFactory } from '../../support/temp.js';
import type { FakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectronModule());
const fake = electron as unknown as FakeElectron;
const tempDir = tempDirFactory();
// Tests run on plain Node, so the Node-ABI build stands in for the Electron-ABI copy npm start would pass.
const nodeBinding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');

describe('the Electron app from start to quit', () => {
  test('a second instance hands over and quits without opening anything', async () => {
    fake.app.requestSingleInstanceLock = () => false;
    await startElectronApp({ SFHS_SQLITE_BINDING: nodeBinding });
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.createdWindows).toHaveLength(0);
    fake.app.requestSingleInstanceLock = () => true;
  });

  test('opens one hardened window on the built page and answers it over IPC from the userData folder', async () => {
    const userData = tempDir();
    fake.app.paths = { userData, appPath: '/opt/sfhs' };
    await startElectronApp({ SFHS_SQLITE_BINDING: nodeBinding });

    expect(fake.createdWindows).toHaveLength(1);
    const window = fake.createdWindows[0]!;
    expect(window.options.webPreferences).toMatchObject({ preload: '/opt/sfhs/dist/preload/index.cjs', sandbox: true });
    expect(window.webContents.mainFrame.url).toBe('file:///opt/sfhs/dist/renderer/index.html');
    // web-contents-created hardening reached the window, and the session carries the CSP.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let headers: unknown;
    fake.session.defaultSession.headerListener?.({}, (response) => {
      headers = response;
    });
    expect(headers).toEqual({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] } });

    const call = (channel: string, arg: unknown) =>
      fake.ipcMain.handlers.get(channel)?.(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        arg,
      );
    expect(await call(operationChannels.getAppInfo, {})).toMatchObject({
      ok: true,
      value: { runtime: 'electron', dataDir: userData, version: '0.1.0-test' },
    });
    await call(operationChannels.updateSettings, { changes: { syncCompanies: true } });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toMatchObject({ syncCompanies: true });
    expect(window.webContents.sent.map((message) => message.channel)).toEqual(['event:settings']);

    fake.app.emit('will-quit');
    expect(fake.ipcMain.handlers.size).toBe(0);
    // SQLite removes the WAL file when the last connection closes: the database was closed cleanly.
    expect(existsSync(join(userData, databaseFileName))).toBe(true);
    expect(existsSync(join(userData, `${databaseFileName}-wal`))).toBe(false);
  });

  test('the dock icon (activate) reopens the window after it was closed', async () => {
    fake.app.paths = { userData: tempDir(), appPath: '/opt/sfhs' };
    fake.createdWindows.length = 0;
    fake.app.removeAllListeners();
    await startElectronApp({ SFHS_SQLITE_BINDING: nodeBinding });
    fake.createdWindows[0]!.close();
    fake.app.emit('activate');
    expect(fake.createdWindows).toHaveLength(2);
    fake.app.emit('will-quit');
  });
});
