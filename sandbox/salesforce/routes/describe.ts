/**
 * describe (A11), the global describe and the sObject basic-info resource, all generated from schema.ts so they
 * always match what validation enforces. Field keys follow jsforce's `Field` type (src/types/common.ts).
 */
import { json, type Router } from '../../http/router.js';
import type { EmulatorContext } from '../context.js';
import { type FieldDef, type FieldType, OBJECTS, type ObjectDef } from '../schema.js';
import { isResponse, objectOf } from './common.js';

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  url: 'xsd:string',
  phone: 'xsd:string',
  email: 'xsd:string',
  picklist: 'xsd:string',
  datetime: 'xsd:dateTime',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  currency: 'xsd:double',
};

function describeField(field: FieldDef) {
  const numeric = field.type === 'int' || field.type === 'currency';
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type],
    length: field.length,
    byteLength: field.length * 3,
    digits: field.type === 'int' ? (field.digits ?? 0) : 0,
    precision: field.type === 'currency' ? (field.digits ?? 18) : 0,
    scale: 0,
    nillable: field.nillable,
    createable: field.createable,
    updateable: field.updateable,
    defaultedOnCreate: !field.createable || field.name === 'OwnerId',
    calculated: field.compute !== undefined,
    calculatedFormula: field.compute ? 'NOT(ISBLANK(HubSpot_Company_Id__c))' : null,
    custom: field.name.endsWith('__c'),
    externalId: field.externalId ?? false,
    unique: field.unique ?? false,
    idLookup: field.type === 'id' || (field.externalId ?? false),
    caseSensitive: false,
    filterable: field.type !== 'textarea',
    sortable: field.type !== 'textarea',
    groupable: !numeric && field.type !== 'textarea',
    restrictedPicklist: field.restrictedPicklist ?? false,
    picklistValues: (field.picklist ?? []).map((value) => ({
      active: true,
      defaultValue: false,
      label: value,
      validFor: null,
      value,
    })),
    referenceTo: field.referenceTo ? [field.referenceTo] : [],
    relationshipName: field.relationshipName ?? null,
    defaultValue: null,
    autoNumber: false,
    deprecatedAndHidden: false,
  };
}

const urls = (version: string, object: ObjectDef) => {
  const sobject = `/services/data/${version}/sobjects/${object.name}`;
  return { sobject, describe: `${sobject}/describe`, rowTemplate: `${sobject}/{ID}` };
};

function summary(version: string, object: ObjectDef) {
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: false,
    createable: object.writable,
    updateable: object.writable,
    deletable: object.writable,
    queryable: true,
    retrieveable: true,
    replicateable: true,
    searchable: true,
    urls: urls(version, object),
  };
}

function childRelationships(object: ObjectDef) {
  return [...OBJECTS.values()].flatMap((child) =>
    child.fields
      .filter((f) => f.referenceTo === object.name && f.createable)
      .map((f) => ({
        childSObject: child.name,
        field: f.name,
        relationshipName: f.name === 'AccountId' ? `${child.labelPlural}` : null,
        cascadeDelete: false,
        restrictedDelete: false,
        deprecatedAndHidden: false,
        junctionIdListNames: [],
        junctionReferenceTo: [],
      })),
  );
}

export function describeRoutes(router: Router, _ctx: EmulatorContext): void {
  router.on('GET', '/services/data/:v/sobjects', (req) =>
    json(200, {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: [...OBJECTS.values()].map((o) => summary(req.params.v ?? '', o)),
    }),
  );
  router.on('GET', '/services/data/:v/sobjects/:type/describe', (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    return json(200, {
      ...summary(req.params.v ?? '', object),
      fields: object.fields.map(describeField),
      childRelationships: childRelationships(object),
      recordTypeInfos: [],
    });
  });
  router.on('GET', '/services/data/:v/sobjects/:type', (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    return json(200, { objectDescribe: summary(req.params.v ?? '', object), recentItems: [] });
  });
}
