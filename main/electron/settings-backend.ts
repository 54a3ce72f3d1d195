import Store from 'electron-store';
import { type SettingsBackend, settingsFileName } from '../settings/settings-service.js';
import { prepareSettingsFile } from '../settings/unreadable.js';

/**
 * The desktop app's settings: electron-store, writing `<dataDir>/settings.json` exactly as the conf backend does,
 * so the app, the CLI and browser mode read one file. The absolute `cwd` keeps the file in the data folder chosen
 * for the database rather than electron-store's own default.
 */
export function createElectronSettingsBackend(dataDir: string): SettingsBackend {
  prepareSettingsFile(dataDir);
  return new Store<Record<string, unknown>>({ cwd: dataDir, name: settingsFileName });
}
