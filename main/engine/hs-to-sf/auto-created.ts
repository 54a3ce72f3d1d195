/**
 * R3.2a How a company counts as made by HubSpot's "Automatically create and associate companies with contacts"
 * setting. HubSpot documents a *Record source* property ("CRM Setting: the record was created via a HubSpot
 * setting, for example the setting to automatically create and associate companies with contacts") but not an
 * internal value that tells that setting apart from others, so the property and the value are settings, defaulting
 * to what the sandbox sets (docs/account-creation.md).
 */
import type { Settings } from '../../../shared/contract/index.js';

export const DEFAULT_AUTO_CREATED_PROPERTY = 'hs_object_source';
export const DEFAULT_AUTO_CREATED_VALUE = 'COMPANY_AUTO_ASSOCIATION';

export interface AutoCreatedRule {
  /** False when the admin says the HubSpot setting is not in use: R3.2a then never applies. */
  inUse: boolean;
  property: string;
  value: string;
}

export function autoCreatedRule(settings: Settings): AutoCreatedRule {
  return {
    inUse: settings.autoCreateCompaniesInUse,
    property: settings.autoCreatedCompanyProperty ?? DEFAULT_AUTO_CREATED_PROPERTY,
    value: settings.autoCreatedCompanyValue ?? DEFAULT_AUTO_CREATED_VALUE,
  };
}

/**
 * Named parameters for the SQL expression `autoCreatedSql`: hs_object_source has its own column; any other property
 * is read from the cached properties JSON (the property name is a bound JSON path, never interpolated).
 */
export const autoCreatedParams = (rule: AutoCreatedRule) => ({
  autoInUse: rule.inUse ? 1 : 0,
  autoProperty: rule.property,
  autoPath: `$."${rule.property}"`,
  autoValue: rule.value,
});

export const autoCreatedSql = (alias: string): string =>
  `(:autoInUse = 1 AND (CASE WHEN :autoProperty = 'hs_object_source' THEN ${alias}.object_source
     ELSE json_extract(${alias}.properties, :autoPath) END) = :autoValue)`;
