import { type Settings, defaultSettings, settingsSchema } from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';
import { describeZodError } from '../ipc/dispatch.js';
import type { EventBus } from '../app/events.js';

/**
 * The store both settings libraries share: electron-store in the desktop app, conf (its base library) in plain Node.
 * Both persist `<dataDir>/settings.json` in the same format, so the CLI, browser mode and the app read one file.
 */
export interface SettingsBackend {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

export const settingsFileName = 'settings';

export class SettingsService {
  constructor(
    private readonly backend: SettingsBackend,
    private readonly events?: EventBus,
  ) {}

  /** Unknown keys in the file are ignored and broken values fall back to defaults, so a hand-edited file never bricks the app. */
  get(): Settings {
    const stored = this.backend.store;
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      const candidate = settingsSchema.shape[key].safeParse(stored[key]);
      if (stored[key] !== undefined && candidate.success) merged[key] = candidate.data;
    }
    return merged as Settings;
  }

  update(changes: Partial<Settings>): Settings {
    const next = settingsSchema.safeParse({ ...this.get(), ...changes });
    if (!next.success) throw new AppError('VALIDATION', `Invalid settings: ${describeZodError(next.error)}`);
    this.backend.set(next.data);
    this.events?.emit('settings', next.data);
    return next.data;
  }
}
