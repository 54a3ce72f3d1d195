/** R7 mappings as the console offers them: viewed any time, edited only while company sync is on (R1.4). */
import type { Database } from 'better-sqlite3';
import type { MappingsView, Settings } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { loadDescribes } from '../plan/describes.js';
import type { FieldMapping } from '../rules/mappings.js';
import { validateMappings } from '../rules/mapping-validation.js';
import { loadMappings, saveMappings } from './mappings-store.js';

export function mappingsView(db: Database, settings: Settings): MappingsView {
  const { sfFields, hsProperties } = loadDescribes(db);
  return {
    mappings: loadMappings(db),
    editable: settings.syncCompanies,
    sfFields: sfFields.map((f) => ({ name: f.name, type: f.type, calculated: f.calculated })),
    hsProperties: hsProperties.map((p) => ({ name: p.name, type: p.type, fieldType: p.fieldType })),
  };
}

/** Validates against both sides' describes (R7.1, R7.2) and saves the whole set, or changes nothing. */
export function replaceMappings(db: Database, settings: Settings, mappings: FieldMapping[]): MappingsView {
  if (!settings.syncCompanies) {
    throw new AppError('SYNC_OFF', 'Field mappings can be edited only while company sync is on. Turn it on first.');
  }
  const { sfFields, hsProperties } = loadDescribes(db);
  if (sfFields.length === 0 || hsProperties.length === 0) {
    throw new AppError(
      'NOT_CONNECTED',
      'The fields of both systems are not known yet: connect Salesforce and HubSpot and run a sync or a dry-run import first.',
    );
  }
  const validation = validateMappings(mappings, sfFields, hsProperties);
  if (!validation.ok) {
    throw new AppError(
      'VALIDATION',
      validation.errors.map((e) => `Row ${e.index + 1} (${e.sfField} ↔ ${e.hsProperty}): ${e.message}`).join(' '),
      validation.errors.map((e) => `mappings.${e.index}`),
    );
  }
  saveMappings(db, mappings);
  return mappingsView(db, settings);
}
