/**
 * R7.6 a mapping added since the last full read has its field in neither cached copy (an incremental refresh
 * re-reads only records that changed), so an apply-mapping run reads that one field afresh from both systems
 * before it plans: Salesforce in one streamed query, HubSpot by batch reads of the linked companies. Pages only,
 * so memory stays bounded; only the one field of each cached record is replaced.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';
import { toSfId18 } from '../rules/ids.js';
import type { FieldMapping } from '../rules/mappings.js';
import type { Remotes } from '../refresh/remotes.js';

const LINK_PAGE = 1000;

/** A JSON path for one key; API names are letters, digits and underscores (quoted anyway). */
const pathOf = (name: string) => `$."${name.replace(/"/g, '')}"`;

export type FieldReadProgress = (system: 'salesforce' | 'hubspot', read: number) => void;

export async function readMappedField(
  db: Database,
  remotes: Remotes,
  mapping: FieldMapping,
  onProgress: FieldReadProgress,
): Promise<void> {
  await readSalesforceField(db, remotes, mapping.sfField, onProgress);
  await readHubSpotProperty(db, remotes, mapping, onProgress);
}

async function readSalesforceField(db: Database, remotes: Remotes, field: string, onProgress: FieldReadProgress) {
  const update = prepared(db, 'UPDATE sf_accounts SET fields = json_set(fields, :path, json(:value)) WHERE id = :id');
  const path = pathOf(field);
  let read = 0;
  for await (const page of remotes.salesforce().stream('Account', ['Id', field], { bulk: true })) {
    db.transaction(() => {
      for (const r of page) update.run({ id: toSfId18(r.Id), path, value: JSON.stringify(r[field] ?? null) });
    })();
    read += page.length;
    onProgress('salesforce', read);
  }
}

async function readHubSpotProperty(
  db: Database,
  remotes: Remotes,
  mapping: FieldMapping,
  onProgress: FieldReadProgress,
) {
  const property = mapping.hsProperty;
  const path = pathOf(property);
  const update = prepared(
    db,
    `UPDATE hs_companies SET properties = json_set(properties, :path, :value),
       property_times = CASE WHEN :time IS NULL THEN property_times ELSE json_set(property_times, :path, :time) END
     WHERE id = :id`,
  );
  // A Two-way first sync settles two different values by their edit times (R7.4): only then is history asked for.
  const withHistory = mapping.rule === 'TWO_WAY';
  let afterId = '';
  let read = 0;
  for (;;) {
    const ids = prepared(
      db,
      'SELECT hs_company_id FROM links WHERE hs_company_id > :afterId ORDER BY hs_company_id LIMIT :limit',
    )
      .pluck()
      .all({ afterId, limit: LINK_PAGE }) as string[];
    if (ids.length === 0) break;
    const records = await remotes.hubspot().read('companies', ids, [property], withHistory);
    db.transaction(() => {
      for (const r of records)
        update.run({
          id: r.id,
          path,
          value: r.properties[property] ?? null,
          time: r.propertyTimes?.[property] ?? null,
        });
    })();
    read += ids.length;
    onProgress('hubspot', read);
    afterId = ids.at(-1) as string;
  }
}
