import Conf from 'conf';
import { type SettingsBackend, settingsFileName } from './settings-service.js';
import { prepareSettingsFile } from './unreadable.js';

/** Plain-Node settings (CLI, browser mode): conf writes the same JSON file electron-store does. */
export function createConfSettingsBackend(dataDir: string): SettingsBackend {
  prepareSettingsFile(dataDir);
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: settingsFileName, projectName: 'sfhs' });
}
