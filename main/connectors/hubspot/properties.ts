/** HubSpot property definitions ↔ the describe shape the mapping rules read (R7.2), and property creation. */
import type { Property, PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import type { HsPropertyDescribe } from '../../engine/rules/mappings.js';

export type PropertySpec = HsPropertyDescribe & { hasUniqueValue?: boolean; groupName?: string; label?: string };

export function toPropertyDescribe(property: Property): HsPropertyDescribe {
  const described: HsPropertyDescribe = { name: property.name, type: property.type, fieldType: property.fieldType };
  if (property.options.length > 0)
    described.options = property.options.map((o) => ({ value: o.value, label: o.label }));
  // "HubSpot user" properties (owner-like) cannot be mapped (R7.2); HubSpot marks them with this referenced type.
  if (property.referencedObjectType === 'OWNER') described.hubspotUser = true;
  if (property.calculated || property.modificationMetadata?.readOnlyValue) described.readOnly = true;
  return described;
}

export function toPropertyCreate(spec: PropertySpec): PropertyCreate {
  return {
    name: spec.name,
    label: spec.label ?? spec.name,
    type: spec.type,
    fieldType: spec.fieldType,
    groupName: spec.groupName ?? 'companyinformation',
    hasUniqueValue: spec.hasUniqueValue ?? false,
    formField: false,
    ...(spec.options ? { options: spec.options.map((o, i) => ({ ...o, displayOrder: i, hidden: false })) } : {}),
  } as PropertyCreate;
}
