import { z } from 'zod';

/**
 * The console's settings: one schema for Electron (electron-store), the CLI and browser mode (conf).
 * Defaults follow ../spec: company sync is off until someone turns it on (R1.1).
 */
export const settingsSchema = z.object({
  /** R1.1 the company-sync switch. */
  syncCompanies: z.boolean().default(false),
  /** R2.4 poll interval for the incremental sync, minutes (reference product: 15). */
  pollIntervalMinutes: z.number().int().min(1).max(1440).default(5),
  /** R8.2 calls per 24 h this console may spend; null = 20 % of the org's DailyApiRequests.Max. */
  sfApiAllocation: z.number().int().positive().nullable().default(null),
  /** R3.2a the SF object HubSpot creates for new contacts. */
  defaultSfObjectForNewContacts: z.enum(['Lead', 'Contact']).default('Lead'),
  /** R3.2a whether HubSpot's "automatically create and associate companies with contacts" is in use. */
  autoCreateCompaniesInUse: z.boolean().default(false),
  /**
   * R3.2a the company property, and its value, that mark a company made by that HubSpot setting
   * (docs/account-creation.md); null = hs_object_source and COMPANY_AUTO_ASSOCIATION.
   */
  autoCreatedCompanyProperty: z
    .string()
    .regex(/^[a-z0-9_]{1,100}$/)
    .nullable()
    .default(null),
  autoCreatedCompanyValue: z.string().min(1).max(200).nullable().default(null),
  /** R3.1c / R3.2c the HubSpot inclusion list, if one is configured. */
  inclusionListId: z
    .string()
    .regex(/^[0-9]{1,20}$/, 'a HubSpot list id (digits)')
    .nullable()
    .default(null),
  /** R6.3 match unlinked records by normalised domain (off by default). */
  matchByDomain: z.boolean().default(false),
  /** R10.1 archive the HS company when its SF account is deleted (default: only clear the link). */
  archiveCompanyOnAccountDelete: z.boolean().default(false),
  /**
   * Salesforce writes of more records than this go through Bulk API 2.0 jobs (Salesforce's advice: above 2,000).
   * At least 200: a job costs several calls, while 200 records fit one Collections call.
   */
  bulkThreshold: z.number().int().min(200).max(100_000_000).default(2000),
});

/** One line per setting, what a person reads in `sfhs settings` and the Settings page. */
export const settingDescriptions: Record<keyof z.infer<typeof settingsSchema>, string> = {
  syncCompanies: 'Company sync on or off; nothing is written to either system while it is off.',
  pollIntervalMinutes: 'Minutes between two automatic syncs while company sync is on.',
  sfApiAllocation:
    'Salesforce API calls per 24 hours this console may spend (not set: a fifth of the org daily limit).',
  defaultSfObjectForNewContacts: 'What HubSpot creates in Salesforce for a new contact: Lead or Contact.',
  autoCreateCompaniesInUse: 'Whether HubSpot creates companies for new contacts automatically.',
  autoCreatedCompanyProperty: 'The company property that marks a company HubSpot created automatically.',
  autoCreatedCompanyValue: 'The value of that property on automatically created companies.',
  inclusionListId: 'A HubSpot list whose companies always get a Salesforce account.',
  matchByDomain: 'Match accounts and companies that are not linked yet by their web domain.',
  archiveCompanyOnAccountDelete: 'Archive the HubSpot company when its Salesforce account is deleted.',
  bulkThreshold: 'Salesforce writes of more records than this go through Bulk API 2.0 jobs (at least 200).',
};

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const settingKeys = Object.keys(settingsSchema.shape) as SettingKey[];
export const defaultSettings: Settings = settingsSchema.parse({});
