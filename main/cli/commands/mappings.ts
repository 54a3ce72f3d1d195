/**
 * `sfhs mappings`: R7 field mappings — viewed any time, edited only while company sync is on (R1.4). Every edit
 * goes through replaceMappings, so R7.1 (one-to-one) and R7.2 (types) are checked exactly as in the app.
 */
import type { MappingsView, SyncRuleName } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { defaultCompanyMappings, SYNC_RULE_LABELS } from '../../engine/rules/mappings.js';
import { mappingsView, replaceMappings } from '../../engine/state/mappings-service.js';
import { type CliCommand, type CliContext, exitCodes, print } from '../command.js';
import { printJson } from '../output/json.js';
import { choiceOption, suggest } from '../output/options.js';
import { formatTable } from '../output/table.js';
import { applyMapping } from './mappings-apply.js';

/** The short rule names people type (R7.3 exact names are shown in the list). */
const RULES = {
  'prefer-sf': 'PREFER_SF_UNLESS_BLANK',
  'always-sf': 'ALWAYS_SF',
  'two-way': 'TWO_WAY',
  none: 'NONE',
} as const satisfies Record<string, SyncRuleName>;
type RuleOption = keyof typeof RULES;

function printView(ctx: CliContext, view: MappingsView, note?: string): void {
  if (ctx.json) {
    printJson(ctx.stdout, { mappings: view.mappings, editable: view.editable });
    return;
  }
  if (note) print(ctx.stdout, note);
  const rows = view.mappings.map((m) => [m.sfField, m.hsProperty, SYNC_RULE_LABELS[m.rule]]);
  for (const line of formatTable([{ header: 'SALESFORCE' }, { header: 'HUBSPOT' }, { header: 'RULE' }], rows))
    print(ctx.stdout, line);
  if (!view.editable)
    print(
      ctx.stdout,
      `Read-only while company sync is off: ${suggest(ctx, 'settings', 'set', 'syncCompanies', 'true')}`,
    );
}

function requireArg(value: string | undefined, usage: string): string {
  if (!value) throw new AppError('VALIDATION', `Missing argument: sfhs mappings ${usage}`);
  return value;
}

export const mappingsCommand: CliCommand = {
  name: 'mappings',
  summary: 'list or edit the field mappings (Account field ↔ company property, with a sync rule)',
  usage: [
    '[list]',
    'add SF_FIELD HS_PROPERTY [--rule prefer-sf|always-sf|two-way|none]   (default prefer-sf; re-adding changes the rule)',
    'remove SF_FIELD',
    'reset             back to the default mappings',
    'apply FIELD [--direction both|to-hubspot|to-salesforce] [--dry-run]   write that mapped field on every linked record by its rule',
    '--json          {mappings: [{sfField, hsProperty, rule}], editable}',
  ],
  options: {
    rule: { type: 'string' },
    direction: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  async run(ctx, { values, positionals }) {
    const [verb = 'list', sfField, hsProperty] = positionals;
    const { db, settings } = ctx.services();
    const current = mappingsView(db, settings.get()).mappings;
    const save = (mappings: typeof current, note: string) => {
      printView(ctx, replaceMappings(db, settings.get(), mappings), note);
      return exitCodes.ok;
    };
    if (verb === 'list') {
      printView(ctx, mappingsView(db, settings.get()));
      return exitCodes.ok;
    }
    if (verb === 'add') {
      const sf = requireArg(sfField, 'add SF_FIELD HS_PROPERTY');
      const hs = requireArg(hsProperty, 'add SF_FIELD HS_PROPERTY');
      const rule = RULES[choiceOption(values, 'rule', Object.keys(RULES) as RuleOption[]) ?? 'prefer-sf'];
      const same = (m: (typeof current)[number]) => m.sfField.toLowerCase() === sf.toLowerCase() && m.hsProperty === hs;
      // Re-adding an existing pair changes its rule; any other clash is left to R7.1 validation to name.
      const next = current.some(same)
        ? current.map((m) => (same(m) ? { ...m, rule } : m))
        : [...current, { sfField: sf, hsProperty: hs, rule }];
      return save(
        next,
        `Mapped ${sf} ↔ ${hs} (${SYNC_RULE_LABELS[rule]}). New mappings are not retroactive: preview applying it to existing records with ${suggest(ctx, 'mappings', 'apply', sf, '--dry-run')}`,
      );
    }
    if (verb === 'remove') {
      const sf = requireArg(sfField, 'remove SF_FIELD');
      const next = current.filter((m) => m.sfField.toLowerCase() !== sf.toLowerCase());
      if (next.length === current.length)
        throw new AppError('VALIDATION', `${sf} is not mapped (sfhs mappings lists them).`);
      return save(next, `Removed the mapping of ${sf}.`);
    }
    if (verb === 'reset') return save([...defaultCompanyMappings], 'Mappings reset to the defaults.');
    if (verb === 'apply') return applyMapping(ctx, requireArg(sfField, 'apply FIELD'), values);
    print(ctx.stderr, `Unknown mappings verb "${verb}": use list, add, remove, reset or apply.`);
    return exitCodes.usage;
  },
};
