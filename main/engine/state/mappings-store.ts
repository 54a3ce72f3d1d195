/** The field mappings of this data folder; the R7.8 defaults until someone edits them. */
import type { Database } from 'better-sqlite3';
import { getMeta, setMeta } from '../../db/meta.js';
import { defaultCompanyMappings, type FieldMapping, type SyncRule } from '../rules/mappings.js';

const SEEDED = 'mappings.seeded';

export function loadMappings(db: Database): FieldMapping[] {
  if (getMeta(db, SEEDED) === null) saveMappings(db, [...defaultCompanyMappings]);
  const rows = db.prepare('SELECT sf_field, hs_property, rule FROM mappings ORDER BY created_at, sf_field').all() as {
    sf_field: string;
    hs_property: string;
    rule: SyncRule;
  }[];
  return rows.map((r) => ({ sfField: r.sf_field, hsProperty: r.hs_property, rule: r.rule }));
}

/** Replaces the whole set (validated by the caller with validateMappings, R7.1/R7.2). */
export function saveMappings(db: Database, mappings: FieldMapping[], now: Date = new Date()): void {
  const insert = db.prepare(
    'INSERT INTO mappings (sf_field, hs_property, rule, created_at) VALUES (:sfField, :hsProperty, :rule, :createdAt)',
  );
  db.transaction(() => {
    db.prepare('DELETE FROM mappings').run();
    mappings.forEach((m, i) => {
      insert.run({ ...m, createdAt: new Date(now.getTime() + i).toISOString() });
    });
    setMeta(db, SEEDED, now.toISOString(), now);
  })();
}
