/**
 * The desktop app's part of issue 5: the vault encrypted with safeStorage, and the sign-in page opened with
 * shell.openExternal (the system browser), never in the console's window. Electron is the test stand-in plus a
 * reversible safeStorage.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startElectronApp } from '../../../main/electron/lifecycle.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { operationChannels } from '../../../shared/contract/channels.js';
import { tempDirFactory } from '../../support/temp.js';
import type { FakeElectron } from '../electron/fake-electron.js';
import { answerConsent } from '../../connections/approve.js';

vi.mock('electron', async () => {
  const module = (await import('../electron/fake-electron.js')).fakeElectronModule();
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (encrypted: Buffer) => Buffer.from(encrypted).reverse().toString('utf8'),
  };
  return { ...module, safeStorage, default: { ...module.default, safeStorage } };
});
const fake = electron as unknown as FakeElectron;
const tempDir = tempDirFactory();
const nodeBinding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
let sf: SalesforceEmulator;

beforeAll(async () => {
  sf = await startSalesforceEmulator();
});
afterAll(async () => {
  fake.app.emit('will-quit');
  await sf?.close();
});

test('startOAuth over IPC opens the sign-in page in the system browser; the tokens land encrypted', async () => {
  const userData = tempDir();
  fake.app.paths = { userData, appPath: '/opt/sfhs' };
  await startElectronApp({ SFHS_SQLITE_BINDING: nodeBinding });
  const window = fake.createdWindows.at(-1);
  if (!window) throw new Error('no window');
  const call = (channel: string, arg: unknown) =>
    fake.ipcMain.handlers.get(channel)?.(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      arg,
    );

  const started = (await call(operationChannels.startOAuth, {
    system: 'salesforce',
    loginUrl: sf.url,
    clientId: sf.clientId,
  })) as { ok: true; value: { flowId: string; authorizeUrl: string; openedExternally: boolean } };
  expect(started).toMatchObject({ ok: true, value: { openedExternally: true } });
  expect(fake.shell.opened).toEqual([started.value.authorizeUrl]);
  const waiting = call(operationChannels.awaitOAuth, { flowId: started.value.flowId });
  await answerConsent(started.value.authorizeUrl, 'approve');
  expect(await waiting).toMatchObject({
    ok: true,
    value: { vaultWarning: null, status: { vault: { encryption: 'os' } } },
  });
  const vault = readFileSync(join(userData, 'vault.json'), 'utf8');
  expect(JSON.parse(vault)).toMatchObject({ cipher: 'electron-safeStorage' });
  expect(vault).not.toContain(sf.orgId);
});
