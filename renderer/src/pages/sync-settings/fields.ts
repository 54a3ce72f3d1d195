import type { OpError } from '../../../../shared/contract/result.js';
import type { SettingKey, Settings } from '../../../../shared/contract/settings.js';

/** The company-sync switch has its own card; every other setting is a field of the options form. */
export type FormKey = Exclude<SettingKey, 'syncCompanies'>;

type FieldKind = 'integer' | 'optional-integer' | 'optional-text' | 'choice' | 'checkbox';

export interface FieldSpec {
  key: FormKey;
  label: string;
  help: string;
  kind: FieldKind;
  choices?: readonly string[];
  unit?: string;
  placeholder?: string;
}

// A Record over FormKey: a setting added to the contract without a field here fails the type check.
const specs: Record<FormKey, Omit<FieldSpec, 'key'>> = {
  pollIntervalMinutes: {
    label: 'Poll interval',
    unit: 'minutes',
    kind: 'integer',
    help: "How often the incremental sync asks Salesforce for changes, from 1 to 1440. HubSpot's own integration polls every 15.",
  },
  sfApiAllocation: {
    label: 'Salesforce API calls for this console',
    unit: 'per 24 h',
    kind: 'optional-integer',
    placeholder: "20 % of the org's daily limit",
    help: "Leave empty to use 20 % of the org's daily limit. The sync pauses before it spends more.",
  },
  defaultSfObjectForNewContacts: {
    label: 'Salesforce object for new HubSpot contacts',
    kind: 'choice',
    choices: ['Lead', 'Contact'],
    help: 'Set it as in HubSpot. With Contact, companies HubSpot creates from contacts get a Salesforce account.',
  },
  autoCreateCompaniesInUse: {
    label: 'HubSpot creates companies from contacts automatically',
    kind: 'checkbox',
    help: 'Tick if HubSpot\'s "Automatically create and associate companies with contacts" setting is on.',
  },
  autoCreatedCompanyProperty: {
    label: 'Company property that marks auto-created companies',
    kind: 'optional-text',
    placeholder: 'hs_object_source',
    help: 'The HubSpot company property that records how a company was created. Leave empty for the default.',
  },
  autoCreatedCompanyValue: {
    label: 'Value of that property for auto-created companies',
    kind: 'optional-text',
    placeholder: 'COMPANY_AUTO_ASSOCIATION',
    help: 'Companies whose property has this value count as made by the automatic setting. Leave empty for the default.',
  },
  inclusionListId: {
    label: 'HubSpot inclusion list ID',
    kind: 'optional-text',
    placeholder: 'none',
    help: 'With a list, only companies with a contact on it get a Salesforce account. Leave empty for none.',
  },
  matchByDomain: {
    label: 'Match unlinked records by website domain',
    kind: 'checkbox',
    help: 'Off by default: associated contacts are the safer match. Two or more candidates are held for review, never guessed.',
  },
  archiveCompanyOnAccountDelete: {
    label: 'Archive the HubSpot company when its Salesforce account is deleted',
    kind: 'checkbox',
    help: 'When off, only the link is cleared and the deletion is logged.',
  },
  bulkThreshold: {
    label: 'Bulk writes to Salesforce above',
    unit: 'records',
    kind: 'integer',
    help: 'Larger Salesforce writes go through Bulk API 2.0 jobs, at a fraction of the calls. At least 200; Salesforce advises 2,000.',
  },
};

export const fieldSpecs: FieldSpec[] = (Object.keys(specs) as FormKey[]).map((key) => ({ key, ...specs[key] }));

/** What the inputs hold: text as typed, checkboxes as booleans. */
export type Draft = Record<FormKey, string | boolean>;

export function toDraft(settings: Settings): Draft {
  const draft = {} as Draft;
  for (const { key, kind } of fieldSpecs) {
    const value = settings[key];
    draft[key] = kind === 'checkbox' ? Boolean(value) : value === null ? '' : String(value);
  }
  return draft;
}

/**
 * Draft → the `changes` argument. Text that is not a number is sent as typed on purpose: main validates every
 * argument anyway, and its message is the one the person sees (one set of rules, in the contract).
 */
export function toChanges(draft: Draft): Record<FormKey, unknown> {
  const changes = {} as Record<FormKey, unknown>;
  for (const { key, kind } of fieldSpecs) {
    const value = draft[key];
    if (typeof value === 'boolean' || kind === 'choice') changes[key] = value;
    else if (value.trim() === '' && kind.startsWith('optional')) changes[key] = null;
    else if (kind === 'optional-text') changes[key] = value.trim();
    else changes[key] = value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return changes;
}

/**
 * Per-field messages from a VALIDATION error. Main names field paths in the message ("changes.pollIntervalMinutes:
 * Too small…", issues joined by "; "), and in `details` where it sets them; both are read.
 */
export function fieldErrors(error: OpError): Partial<Record<FormKey, string>> {
  const found: Partial<Record<FormKey, string>> = {};
  const segments = [...(error.details ?? []), ...error.message.split('; ')];
  for (const { key } of fieldSpecs) {
    for (const segment of segments) {
      const match = new RegExp(`\\b${key}(?::\\s*(.+))?$`).exec(segment);
      if (match) found[key] ??= match[1] ?? 'Invalid value.';
    }
  }
  return found;
}
