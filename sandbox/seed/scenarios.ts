/**
 * The shapes of unlinked HubSpot companies' own contacts, one per R3 outcome. The generator draws from these;
 * the expected counts are NOT taken from this table but recomputed from the finished data (expected.ts), so a
 * generator mistake shows up as a surprising count instead of hiding behind the intended one.
 */

/**
 * `hs_object_source` of companies made by HubSpot's "automatically create and associate companies with contacts"
 * setting (R3.2a); the same value the HubSpot emulator lists among the property's options.
 */
export const AUTO_ASSOCIATED_COMPANY_SOURCE = 'COMPANY_AUTO_ASSOCIATION';

export interface ScenarioContact {
  /** What the HS contact syncs with in SF: nothing, a new lead, or a new private contact (AccountId null). */
  syncsWith: 'none' | 'lead' | 'private';
  /** Member of the seed's inclusion list. */
  inList: boolean;
}

export interface Scenario {
  /** The outcome with the inclusion list configured and default object Contact; with no list in parentheses. */
  intent: string;
  autoCreated: boolean;
  contacts: ScenarioContact[];
  weight: number;
}

const hsOnly = (inList = false): ScenarioContact => ({ syncsWith: 'none', inList });
const lead = (inList = false): ScenarioContact => ({ syncsWith: 'lead', inList });
const privateContact = (inList = false): ScenarioContact => ({ syncsWith: 'private', inList });

export const SCENARIOS: readonly Scenario[] = [
  { intent: 'VETO_NO_CONTACTS', autoCreated: false, contacts: [], weight: 25 },
  // A lead in the list still vetoes: R3.1b is checked before the R3.2c criterion.
  { intent: 'VETO_ALL_LEADS', autoCreated: false, contacts: [lead(true), lead()], weight: 8 },
  { intent: 'VETO_NOT_IN_INCLUSION_LIST (CREATE_AUTO_ASSOCIATED)', autoCreated: true, contacts: [hsOnly()], weight: 5 },
  {
    intent: 'VETO_NOT_IN_INCLUSION_LIST (NO_CRITERION_MET)',
    autoCreated: false,
    contacts: [hsOnly(), lead()],
    weight: 25,
  },
  { intent: 'CREATE_AUTO_ASSOCIATED', autoCreated: true, contacts: [hsOnly(true)], weight: 8 },
  { intent: 'CREATE_PRIVATE_CONTACT', autoCreated: false, contacts: [privateContact(), hsOnly(true)], weight: 6 },
  { intent: 'CREATE_INCLUSION_LIST', autoCreated: false, contacts: [hsOnly(true), lead()], weight: 10 },
  {
    intent: 'VETO_NOT_IN_INCLUSION_LIST (CREATE_PRIVATE_CONTACT)',
    autoCreated: false,
    contacts: [privateContact()],
    weight: 5,
  },
];

export const SCENARIO_WEIGHTS = SCENARIOS.map((s) => s.weight);
