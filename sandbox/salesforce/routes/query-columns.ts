/**
 * `GET /query?q=...&columns=true`: the query's column metadata instead of its rows. Undocumented but answered by
 * every org, and the Salesforce CLI's `data query` asks it after the rows to lay out its table.
 */
import { json, type SandboxResponse } from '../../http/router.js';
import type { FieldDef, FieldType } from '../schema.js';
import type { CompiledQuery } from '../soql/evaluate.js';

const APEX_TYPES: Record<FieldType, string> = {
  id: 'Id',
  reference: 'Id',
  string: 'String',
  textarea: 'String',
  url: 'String',
  phone: 'String',
  email: 'String',
  picklist: 'String',
  datetime: 'Datetime',
  boolean: 'Boolean',
  int: 'Integer',
  currency: 'Decimal',
};

function column(field: FieldDef) {
  const apexType = APEX_TYPES[field.type];
  return {
    aggregate: false,
    apexType,
    booleanType: apexType === 'Boolean',
    columnName: field.name,
    custom: field.name.endsWith('__c'),
    displayName: field.name,
    foreignKeyName: null,
    insertable: field.createable,
    joinColumns: [],
    numberType: apexType === 'Integer' || apexType === 'Decimal',
    textType: apexType === 'String',
    updatable: field.updateable,
  };
}

export function columnMetadata(query: CompiledQuery): SandboxResponse {
  return json(200, {
    columnMetadata: query.count ? [] : query.fields.map(column),
    entityName: query.object.name,
    groupBy: false,
    idSelected: query.fields.some((f) => f.type === 'id'),
    keyPrefix: query.object.keyPrefix,
  });
}
