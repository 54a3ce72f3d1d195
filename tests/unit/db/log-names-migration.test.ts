/** Migration 50 on a database with log rows: names and domains filled in, JSON messages made text, rejected values apart. */
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/database.js';
import { migrations } from '../../../main/db/migrations/index.js';

const before = migrations.filter((m) => m.version < 50);
const at = '2026-01-01T00:00:00.000Z';

test('R9.1 migration 40 → 50 keeps every log row and makes it searchable by name and domain', () => {
  const db = new BetterSqlite3(':memory:');
  migrate(db, before);
  db.prepare(
    `INSERT INTO sf_accounts (id, name, domain, created_date, system_modstamp, fields)
     VALUES ('001000000000001AAA', 'Stark Farms Ltd', 'starkfarms.io', :at, :at, '{}')`,
  ).run({ at });
  const company = db.prepare(
    `INSERT INTO hs_companies (id, name, domain, created_at, updated_at, properties)
     VALUES (:id, :name, :domain, :at, :at, '{}')`,
  );
  company.run({ id: '101', name: 'Stark Farms', domain: 'starkfarms.io', at });
  company.run({ id: '202', name: 'Stark Farms Europe', domain: null, at });
  const log = db.prepare(
    `INSERT INTO log (run_id, at, direction, sf_account_id, hs_company_id, operation, reason, outcome, category, message)
     VALUES ('r1', :at, :direction, :sf, :hs, :operation, :reason, :outcome, :category, :message)`,
  );
  const row = { at, direction: 'sf_to_hs', sf: '001000000000001AAA', hs: null, category: null };
  log.run({ ...row, operation: 'create', reason: 'NEW_COMPANY', outcome: 'written', message: null });
  log.run({
    ...row,
    operation: 'hold',
    reason: 'AMBIGUOUS_MATCH',
    outcome: 'held',
    message: '{"candidates":["101","202"]}',
  });
  log.run({
    ...row,
    operation: 'field',
    reason: 'PICKLIST_VALUE_MISSING',
    outcome: 'failed',
    category: 'PROPERTY_VALUE',
    message: 'industry: "Transportation" is not an option of HubSpot property industry.',
  });
  log.run({
    ...row,
    sf: null,
    hs: '202',
    direction: 'hs_to_sf',
    operation: 'skip',
    reason: 'UP_TO_DATE',
    outcome: 'skipped',
    message: '{"problems":[{"field":"Industry","message":"\\"Shipping\\" is not an option."}]}',
  });
  log.run({ ...row, operation: 'update', reason: 'X', outcome: 'failed', category: 'NETWORK', message: 'timeout' });

  migrate(db);
  expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
  const rows = db.prepare('SELECT name, domain, operation, outcome, message FROM log ORDER BY id').all();
  expect(rows).toEqual([
    { name: 'Stark Farms Ltd', domain: 'starkfarms.io', operation: 'create', outcome: 'written', message: null },
    {
      name: 'Stark Farms Ltd',
      domain: 'starkfarms.io',
      operation: 'hold',
      outcome: 'held',
      message: 'Could be: Stark Farms (101), Stark Farms Europe (202)',
    },
    {
      name: 'Stark Farms Ltd',
      domain: 'starkfarms.io',
      operation: 'field',
      outcome: 'rejected',
      message: 'industry: "Transportation" is not an option of HubSpot property industry.',
    },
    {
      name: 'Stark Farms Europe',
      domain: null,
      operation: 'skip',
      outcome: 'skipped',
      message: 'Industry: "Shipping" is not an option.',
    },
    { name: 'Stark Farms Ltd', domain: 'starkfarms.io', operation: 'update', outcome: 'failed', message: 'timeout' },
  ]);
  db.close();
});
