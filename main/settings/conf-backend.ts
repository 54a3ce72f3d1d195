import Conf from 'conf';
import { type SettingsBackend, settingsFileName } from './settings-service.js';

/** Plain-Node settings (CLI, browser mode): conf writes the same JSON file electron-store does. */
export function createConfSettingsBackend(dataDir: string): SettingsBackend {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: settingsFileName, projectName: 'sfhs' });
}
