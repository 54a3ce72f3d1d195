import {
  defaultSettings,
  type SettingKey,
  type Settings,
  settingDescriptions,
  settingKeys,
} from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { type CliCommand, exitCodes, print } from '../command.js';
import { formatTable } from '../output/table.js';

const YES = new Set(['true', 'yes', 'on', '1']);
const NO = new Set(['false', 'no', 'off', '0']);

/** Command-line text → the setting's type: true/false (also yes/no, on/off), numbers, `null` for "unset". */
export function parseSettingValue(key: SettingKey, raw: string): unknown {
  const word = raw.trim().toLowerCase();
  if (typeof defaultSettings[key] === 'boolean') {
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    throw new AppError('VALIDATION', `${key} is on or off: give true or false (yes/no and on/off work too).`);
  }
  if (word === 'null' || word === 'none') return null;
  if (key === 'inclusionListId' || key === 'defaultSfObjectForNewContacts') return raw;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

const shown = (value: unknown) => (value === null ? '(not set)' : String(value));

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
  usage: [
    '[get [KEY]]          every setting with its value and what it does (or one value)',
    'set KEY VALUE        e.g. sfhs settings set syncCompanies true   (true/false, yes/no, on/off; null unsets)',
  ],
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
    else {
      const rows = settingKeys.map((k) => [k, shown(current[k]), settingDescriptions[k]]);
      for (const line of formatTable([{ header: 'SETTING' }, { header: 'VALUE' }, { header: 'WHAT IT DOES' }], rows))
        print(ctx.stdout, line);
    }
    return exitCodes.ok;
  },
};
