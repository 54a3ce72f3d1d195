import type { HsPropertyDescribe, SfFieldDescribe } from '../../../main/engine/rules/mappings.js';

/** Describes shaped like the real Account fields and HubSpot company properties of the default mappings (R7.8). */
const sf = (name: string, type: string, extra: Partial<SfFieldDescribe> = {}): SfFieldDescribe => ({
  name,
  type,
  updateable: true,
  calculated: false,
  ...extra,
});
const hs = (name: string, type: string, fieldType: string, extra: Partial<HsPropertyDescribe> = {}) => ({
  name,
  type,
  fieldType,
  ...extra,
});

export const accountFields: SfFieldDescribe[] = [
  sf('Id', 'id', { updateable: false }),
  sf('Name', 'string', { length: 255 }),
  sf('Website', 'url', { length: 255 }),
  sf('Phone', 'phone', { length: 40 }),
  sf('BillingCity', 'string', { length: 40 }),
  sf('BillingState', 'string', { length: 80 }),
  sf('BillingCountry', 'string', { length: 80 }),
  sf('Industry', 'picklist', {
    picklistValues: [
      { value: 'Banking', label: 'Banking' },
      { value: 'Technology', label: 'Technology' },
      { value: 'Retail', label: 'Retail', active: false },
    ],
  }),
  sf('NumberOfEmployees', 'int'),
  sf('AnnualRevenue', 'currency'),
  sf('Description', 'textarea', { length: 32000 }),
  sf('OwnerId', 'reference'),
  sf('Rating__c', 'multipicklist', {
    picklistValues: [
      { value: 'Hot', label: 'Hot' },
      { value: 'Warm', label: 'Warm' },
      { value: 'Cold', label: 'Cold' },
    ],
  }),
  sf('Is_Partner__c', 'boolean'),
  sf('Renewal__c', 'date'),
  sf('Last_Touch__c', 'datetime'),
  sf('Score__c', 'double', { calculated: true, updateable: false }),
  sf('Code__c', 'string', { length: 5 }),
];

export const companyProperties: HsPropertyDescribe[] = [
  hs('hs_object_id', 'number', 'number', { readOnly: true }),
  hs('salesforceaccountid', 'string', 'text'),
  hs('name', 'string', 'text'),
  hs('domain', 'string', 'text'),
  hs('phone', 'string', 'phonenumber'),
  hs('city', 'string', 'text'),
  hs('state', 'string', 'text'),
  hs('country', 'string', 'text'),
  hs('industry', 'enumeration', 'select', {
    options: [
      { value: 'BANKING', label: 'Banking' },
      { value: 'COMPUTER_SOFTWARE', label: 'Computer Software' },
      { value: 'RETAIL', label: 'Retail' },
    ],
  }),
  hs('numberofemployees', 'number', 'number'),
  hs('annualrevenue', 'number', 'number'),
  hs('description', 'string', 'textarea'),
  hs('hubspot_owner_id', 'enumeration', 'select', { hubspotUser: true }),
  hs('hs_team_owner', 'enumeration', 'select', { hubspotUser: true }),
  hs('rating', 'enumeration', 'checkbox', {
    options: [
      { value: 'hot', label: 'Hot' },
      { value: 'warm', label: 'Warm' },
    ],
  }),
  hs('is_partner', 'bool', 'booleancheckbox'),
  hs('renewal_date', 'date', 'date'),
  hs('last_touch', 'datetime', 'date'),
  hs('score', 'number', 'number'),
  hs('hs_num_child_companies', 'number', 'number', { readOnly: true }),
  hs('lifecyclestage', 'enumeration', 'radio'),
  hs('notes', 'string', 'textarea'),
];

export const field = (name: string): SfFieldDescribe => {
  const found = accountFields.find((f) => f.name === name);
  if (!found) throw new Error(`fixture has no SF field ${name}`);
  return found;
};

export const property = (name: string): HsPropertyDescribe => {
  const found = companyProperties.find((p) => p.name === name);
  if (!found) throw new Error(`fixture has no HS property ${name}`);
  return found;
};
