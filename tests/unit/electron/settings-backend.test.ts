import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as electron from 'electron';
import { beforeEach, expect, test, vi } from 'vitest';
import { createElectronSettingsBackend } from '../../../main/electron/settings-backend.js';
import { createConfSettingsBackend } from '../../../main/settings/conf-backend.js';
import { SettingsService, settingsFileName } from '../../../main/settings/settings-service.js';
import { tempDirFactory } from '../../support/temp.js';
import type { FakeElectron } from './fake-electron.js';

// vitest.config inlines electron-store, so its `import electron from 'electron'` gets this stand-in too.
vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectronModule());
const fake = electron as unknown as FakeElectron;
const tempDir = tempDirFactory();

beforeEach(() => {
  // electron-store's own default folder: the test proves the data folder wins over it.
  fake.app.paths.userData = tempDir();
});

test('electron-store writes <dataDir>/settings.json, the file the CLI and browser mode (conf) read', () => {
  const dataDir = tempDir();
  new SettingsService(createElectronSettingsBackend(dataDir)).update({ syncCompanies: true, pollIntervalMinutes: 15 });
  const file = join(dataDir, `${settingsFileName}.json`);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ syncCompanies: true, pollIntervalMinutes: 15 });
  expect(existsSync(join(fake.app.paths.userData, 'config.json'))).toBe(false);
  expect(new SettingsService(createConfSettingsBackend(dataDir)).get()).toMatchObject({
    syncCompanies: true,
    pollIntervalMinutes: 15,
  });
});

test('what the CLI wrote, the app reads', () => {
  const dataDir = tempDir();
  new SettingsService(createConfSettingsBackend(dataDir)).update({ defaultSfObjectForNewContacts: 'Contact' });
  expect(new SettingsService(createElectronSettingsBackend(dataDir)).get().defaultSfObjectForNewContacts).toBe(
    'Contact',
  );
});
