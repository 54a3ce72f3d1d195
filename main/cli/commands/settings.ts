import { type SettingKey, type Settings, settingKeys } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { type CliCommand, exitCodes, print } from '../command.js';

/** Command-line text → the setting's type: `true`/`false`, numbers, `null` for "unset". */
export function parseSettingValue(key: SettingKey, raw: string): unknown {
  if (raw === 'null') return null;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (key === 'inclusionListId' || key === 'defaultSfObjectForNewContacts') return raw;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

const isSettingKey = (key: string): key is SettingKey => (settingKeys as string[]).includes(key);

function requireKey(key: string | undefined): SettingKey {
  if (!key || !isSettingKey(key)) {
    throw new AppError('VALIDATION', `Unknown setting "${key ?? ''}". Known settings: ${settingKeys.join(', ')}.`);
  }
  return key;
}

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: 'show or change settings (e.g. the company-sync switch)',
  usage: ['[get [KEY]]', 'set KEY VALUE        e.g. sfhs settings set syncCompanies true'],
  options: {},
  async run(ctx, { positionals }) {
    const [verb = 'get', key, value] = positionals;
    const settings = ctx.services().settings;
    let current: Settings;
    if (verb === 'get') {
      current = settings.get();
      if (key) {
        const k = requireKey(key);
        print(ctx.stdout, ctx.json ? JSON.stringify({ [k]: current[k] }) : String(current[k]));
        return exitCodes.ok;
      }
    } else if (verb === 'set') {
      const k = requireKey(key);
      if (value === undefined) throw new AppError('VALIDATION', `Give a value: sfhs settings set ${k} VALUE`);
      current = settings.update({ [k]: parseSettingValue(k, value) } as Partial<Settings>);
    } else {
      print(ctx.stderr, `Unknown settings verb "${verb}": use get or set.`);
      return exitCodes.usage;
    }
    if (ctx.json) print(ctx.stdout, JSON.stringify(current));
    else for (const k of settingKeys) print(ctx.stdout, `${k.padEnd(32)} ${JSON.stringify(current[k])}`);
    return exitCodes.ok;
  },
};
