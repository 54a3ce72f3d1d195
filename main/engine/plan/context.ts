/** Everything planning reads besides the records themselves, loaded once per run. */
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/contract/index.js';
import { hsOwners } from '../cache/hubspot-cache.js';
import { sfUsers } from '../cache/salesforce-cache.js';
import type { FieldMapping, HsPropertyDescribe, SfFieldDescribe } from '../rules/mappings.js';
import type { OwnerPerson, SfUserPerson } from '../rules/owners.js';
import { loadMappings } from '../state/mappings-store.js';
import { loadDescribes } from './describes.js';

export interface PlanContext {
  db: Database;
  settings: Settings;
  mappings: FieldMapping[];
  sfFields: Map<string, SfFieldDescribe>;
  hsProperties: Map<string, HsPropertyDescribe>;
  users: SfUserPerson[];
  usersById: Map<string, SfUserPerson>;
  owners: OwnerPerson[];
  ownersById: Map<string, OwnerPerson>;
  /** When company sync was switched on (R2.2): accounts created after it are new. */
  syncEnabledAt: string | null;
}

export function loadPlanContext(db: Database, settings: Settings, syncEnabledAt: string | null): PlanContext {
  const { sfFields, hsProperties } = loadDescribes(db);
  const users = sfUsers(db);
  const owners = hsOwners(db);
  return {
    db,
    settings,
    mappings: loadMappings(db).filter((m) => m.rule !== 'NONE'),
    sfFields: new Map(sfFields.map((f) => [f.name, f])),
    hsProperties: new Map(hsProperties.map((p) => [p.name, p])),
    users,
    usersById: new Map(users.map((u) => [u.Id, u])),
    owners,
    ownersById: new Map(owners.map((o) => [o.id, o])),
    syncEnabledAt,
  };
}
