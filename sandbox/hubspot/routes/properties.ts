/**
 * Properties API (wire-formats B5): list (no paging), get by name, create 201 / 409 on a duplicate name.
 * A new property with hasUniqueValue gets an index at once, so it can be an upsert idProperty.
 */
import type { Router } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsError, hsJson, validationError } from '../errors.js';
import type { PropertyDefinition, PropertyType } from '../properties.js';
import type { PropertyOption } from '../property-options.js';
import { asString, body, isResponse, objectTypeParam } from './common.js';

const TYPES = new Set<PropertyType>(['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string']);
const FIELD_TYPES = new Set([
  'booleancheckbox',
  'calculation_equation',
  'checkbox',
  'date',
  'file',
  'html',
  'number',
  'phonenumber',
  'radio',
  'select',
  'text',
  'textarea',
]);

function toWireProperty(p: PropertyDefinition): Record<string, unknown> {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName,
    description: p.description,
    options: p.options,
    displayOrder: p.displayOrder,
    hidden: false,
    formField: !p.readOnlyValue,
    hasUniqueValue: p.hasUniqueValue,
    calculated: false,
    externalOptions: p.name === 'hubspot_owner_id',
    hubspotDefined: p.hubspotDefined,
    archived: false,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    modificationMetadata: {
      archivable: !p.hubspotDefined,
      readOnlyDefinition: p.hubspotDefined,
      readOnlyValue: p.readOnlyValue,
      readOnlyOptions: p.hubspotDefined,
    },
  };
}

function parseOptions(raw: unknown): PropertyOption[] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'options must be an array';
  const out: PropertyOption[] = [];
  for (const [i, o] of (raw as Array<Record<string, unknown>>).entries()) {
    const label = asString(o.label);
    const value = asString(o.value);
    if (!label || value === undefined) return `options[${i}] needs a label and a value`;
    out.push({
      label,
      value,
      displayOrder: Number(o.displayOrder ?? i),
      hidden: o.hidden === true,
      description: asString(o.description) ?? '',
    });
  }
  return out;
}

export function propertyRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;

  router.on('GET', '/crm/v3/properties/:objectType', (req) => {
    const type = objectTypeParam(req);
    if (isResponse(type)) return type;
    return hsJson(200, { results: store.properties[type].all().map(toWireProperty) });
  });

  router.on('GET', '/crm/v3/properties/:objectType/:propertyName', (req) => {
    const type = objectTypeParam(req);
    if (isResponse(type)) return type;
    const name = req.params.propertyName ?? '';
    const p = store.properties[type].get(name);
    if (!p)
      return hsError(404, 'OBJECT_NOT_FOUND', `Unable to find property with name: ${name}`, {
        context: { propertyName: [name] },
      });
    return hsJson(200, toWireProperty(p));
  });

  router.on('POST', '/crm/v3/properties/:objectType', (req) => {
    const type = objectTypeParam(req);
    if (isResponse(type)) return type;
    const b = body(req);
    const name = asString(b.name);
    const label = asString(b.label);
    const groupName = asString(b.groupName);
    const propertyType = asString(b.type) as PropertyType | undefined;
    const fieldType = asString(b.fieldType);
    if (!name || !label || !groupName || !propertyType || !fieldType) {
      return validationError('name, label, type, fieldType and groupName are required.');
    }
    if (!TYPES.has(propertyType)) return validationError(`Invalid property type: ${propertyType}`);
    if (!FIELD_TYPES.has(fieldType)) return validationError(`Invalid fieldType: ${fieldType}`);
    if (!/^[a-z][a-z0-9_]*$/.test(name))
      return validationError(`Property name ${name} must be lowercase letters, digits and underscores.`);
    if (store.properties[type].get(name)) {
      return hsError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${name}' already exists.`, {
        context: { name: [name] },
      });
    }
    const options = parseOptions(b.options);
    if (typeof options === 'string') return validationError(options);
    const at = ctx.now().toISOString();
    const p: PropertyDefinition = {
      name,
      label,
      type: propertyType,
      fieldType,
      groupName,
      description: asString(b.description) ?? '',
      options,
      hasUniqueValue: b.hasUniqueValue === true,
      hubspotDefined: false,
      readOnlyValue: false,
      displayOrder: Number(b.displayOrder ?? -1),
      createdAt: at,
      updatedAt: at,
    };
    store.properties[type].add(p);
    if (p.hasUniqueValue) store.tables[type].addIndex(name);
    return hsJson(201, toWireProperty(p), { Location: `/crm/v3/properties/${type}/${name}` });
  });
}
