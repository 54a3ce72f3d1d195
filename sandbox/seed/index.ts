/** The deterministic sandbox seed: `generateSandboxData` and what the console is expected to decide about it. */
export { generateSandboxData, type GeneratedSandbox } from './generate.js';
export { resolveSeedOptions, SeedOptionsError, type PeopleMix, type SeedOptions, type SeedParams } from './options.js';
export {
  ACCOUNT_CREATION_REASONS,
  computeExpected,
  statedSettings,
  type AccountCreationReason,
  type R3Settings,
  type ReasonCounts,
  type SeedExpected,
} from './expected.js';
export { AUTO_ASSOCIATED_COMPANY_SOURCE } from './scenarios.js';
export { SEED_INCLUSION_LIST_ID, SEED_NEWSLETTER_LIST_ID } from './records.js';
export { INTEGRATION_USER_NAME, ORG_DOMAIN } from './people.js';
