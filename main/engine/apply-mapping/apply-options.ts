/**
 * R7.6 what an apply-mapping run is asked to do, and the checks made before anything is read or written: the
 * mapping must exist, sync at all, still pass the type checks of both systems, and the direction asked must be one
 * its rule can write in.
 */
import type { ApplyDirection } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { loadDescribes } from '../plan/describes.js';
import { type FieldMapping, ruleWritesSf, SYNC_RULE_LABELS } from '../rules/mappings.js';
import { validateMappings } from '../rules/mapping-validation.js';
import type { Database } from 'better-sqlite3';
import { loadMappings } from '../state/mappings-store.js';

export interface ApplyOptions {
  /** The mapping, named by its Salesforce field or its HubSpot property. */
  field: string;
  direction: ApplyDirection;
}

export const applyOptionsOf = (options: Record<string, unknown>): ApplyOptions => ({
  field: String(options.field ?? ''),
  direction: options.direction === 'to_hubspot' || options.direction === 'to_salesforce' ? options.direction : 'both',
});

/** The saved mapping a name points at (SF API names are case-insensitive, HS property names are not). */
export function findMapping(db: Database, field: string): FieldMapping | null {
  const lower = field.toLowerCase();
  return loadMappings(db).find((m) => m.sfField.toLowerCase() === lower || m.hsProperty === field) ?? null;
}

/** The mapping to apply, or an AppError saying what to fix; nothing has been written when it throws. */
export function requireApplicableMapping(db: Database, options: ApplyOptions): FieldMapping {
  const mapping = findMapping(db, options.field);
  if (!mapping)
    throw new AppError(
      'NOT_FOUND',
      `No field mapping for "${options.field}" (it may have been removed). Add it in Sync settings, or list the mappings with sfhs mappings.`,
    );
  const pair = `${mapping.sfField} ↔ ${mapping.hsProperty}`;
  if (mapping.rule === 'NONE')
    throw new AppError(
      'VALIDATION',
      `${pair} is set to "${SYNC_RULE_LABELS.NONE}": there is nothing to apply. Choose another sync rule first.`,
    );
  const { sfFields, hsProperties } = loadDescribes(db);
  if (sfFields.length === 0 || hsProperties.length === 0)
    throw new AppError(
      'NOT_CONNECTED',
      'The fields of both systems are not known yet: connect Salesforce and HubSpot and run a sync or a dry-run import first.',
    );
  // The describes may have changed since the mapping was saved (a field deleted, a type changed).
  const validation = validateMappings([mapping], sfFields, hsProperties);
  if (!validation.ok)
    throw new AppError(
      'VALIDATION',
      `${pair} cannot be applied: ${validation.errors.map((e) => e.message).join(' ')} Fix the mapping in Sync settings first.`,
    );
  if (options.direction === 'to_salesforce' && !ruleWritesSf(mapping.rule))
    throw new AppError(
      'VALIDATION',
      `${pair} is set to "${SYNC_RULE_LABELS[mapping.rule]}", which never writes to Salesforce; apply it to HubSpot instead.`,
    );
  return mapping;
}
