import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { migrate, openDatabase, SchemaTooNewError, schemaVersion } from '../../../main/db/database.js';
import { getMeta, setMeta } from '../../../main/db/meta.js';
import { latestSchemaVersion, type Migration, migrations } from '../../../main/db/migrations/index.js';

test('migrations are numbered in increasing steps of 10', () => {
  migrations.forEach((m, i) => {
    expect(m.version).toBe((i + 1) * 10);
  });
});

test('a new database is migrated to the latest version with WAL and foreign keys on', () => {
  const db = openDatabase({ file: ':memory:' });
  expect(schemaVersion(db)).toBe(latestSchemaVersion());
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  setMeta(db, 'org', '00D000000000001EAA');
  expect(getMeta(db, 'org')).toBe('00D000000000001EAA');
  db.close();
});

test('each migration N-1 → N keeps the rows already present', () => {
  for (let upTo = 1; upTo <= migrations.length; upTo++) {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, upTo - 1));
    if (upTo > 1) setMeta(db, 'kept', 'yes');
    migrate(db, migrations.slice(0, upTo));
    expect(schemaVersion(db)).toBe(migrations[upTo - 1]?.version);
    if (upTo > 1) expect(getMeta(db, 'kept')).toBe('yes');
    db.close();
  }
});

test('a failing migration rolls back and leaves the version unchanged', () => {
  const db = new BetterSqlite3(':memory:');
  const broken: Migration[] = [
    ...migrations,
    {
      version: latestSchemaVersion() + 10,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('disk on fire');
      },
    },
  ];
  expect(() => migrate(db, broken)).toThrow('disk on fire');
  expect(schemaVersion(db)).toBe(latestSchemaVersion());
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
  db.close();
});

test('a database from a newer version is refused and not touched', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma(`user_version = ${latestSchemaVersion() + 10}`);
  expect(() => migrate(db)).toThrow(SchemaTooNewError);
  expect(schemaVersion(db)).toBe(latestSchemaVersion() + 10);
  db.close();
});
