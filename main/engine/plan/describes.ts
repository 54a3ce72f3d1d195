/** The SF Account describe and the HS company properties, cached in `meta` at each refresh so planning is offline. */
import type { Database } from 'better-sqlite3';
import { getMeta, setMeta } from '../../db/meta.js';
import type { HsPropertyDescribe, SfFieldDescribe } from '../rules/mappings.js';

const SF_KEY = 'describe.sf.Account';
const HS_KEY = 'describe.hs.companies';

export function saveSfDescribe(db: Database, sfFields: SfFieldDescribe[]): void {
  setMeta(db, SF_KEY, JSON.stringify(sfFields));
}

export function saveHsDescribe(db: Database, hsProperties: HsPropertyDescribe[]): void {
  setMeta(db, HS_KEY, JSON.stringify(hsProperties));
}

export function loadDescribes(db: Database): { sfFields: SfFieldDescribe[]; hsProperties: HsPropertyDescribe[] } {
  return {
    sfFields: JSON.parse(getMeta(db, SF_KEY) ?? '[]') as SfFieldDescribe[],
    hsProperties: JSON.parse(getMeta(db, HS_KEY) ?? '[]') as HsPropertyDescribe[],
  };
}
