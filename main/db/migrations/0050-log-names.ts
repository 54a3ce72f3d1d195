import type { Migration } from './types.js';

/**
 * The log searchable by company and account name and by domain: each entry keeps the record's name and domain as
 * they were when it was written (a renamed or deleted record still finds its history). Existing entries are
 * filled from the mirrors. A value dropped from a written record becomes its own outcome, `rejected`, apart from
 * records that failed as a whole; and the messages that held JSON (hold candidates, field problems) become text.
 */
export const logNamesMigration: Migration = {
  version: 50,
  name: 'log names',
  up(db) {
    db.exec(`
      ALTER TABLE log ADD COLUMN name TEXT;
      ALTER TABLE log ADD COLUMN domain TEXT;
      UPDATE log SET
        name = COALESCE((SELECT a.name FROM sf_accounts a WHERE a.id = log.sf_account_id),
                        (SELECT c.name FROM hs_companies c WHERE c.id = log.hs_company_id)),
        domain = COALESCE((SELECT a.domain FROM sf_accounts a WHERE a.id = log.sf_account_id),
                          (SELECT c.domain FROM hs_companies c WHERE c.id = log.hs_company_id));
      UPDATE log SET outcome = 'rejected' WHERE operation = 'field' AND outcome = 'failed';
      UPDATE log SET message = 'Could be: ' || (
          SELECT group_concat(COALESCE(c.name, 'company') || ' (' || j.value || ')', ', ')
          FROM json_each(log.message, '$.candidates') j LEFT JOIN hs_companies c ON c.id = j.value)
        WHERE message LIKE '{"candidates"%' AND json_valid(message);
      UPDATE log SET message = (
          SELECT group_concat(json_extract(p.value, '$.field') || ': ' || json_extract(p.value, '$.message'), '; ')
          FROM json_each(log.message, '$.problems') p)
        WHERE message LIKE '{"problems"%' AND json_valid(message);
      CREATE INDEX log_domain ON log (domain) WHERE domain IS NOT NULL;
    `);
  },
};
