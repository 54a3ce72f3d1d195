/**
 * The org store's access paths — the Contact.AccountId index and the maintained SystemModstamp order — return
 * exactly what a full scan and sort would, through writes, deletes and rolled-back transactions, and keep the
 * engine's queries off full scans.
 */
import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../../sandbox/salesforce/soql/evaluate.js';
import { parseSoql } from '../../../sandbox/salesforce/soql/parser.js';
import { type Row, SalesforceStore } from '../../../sandbox/salesforce/store.js';
import { generateSandboxData } from '../../../sandbox/seed/index.js';

function orgWith(accounts: number): { store: SalesforceStore; clock: { ms: number } } {
  const clock = { ms: Date.parse('2027-01-01T00:00:00.000Z') };
  const store = new SalesforceStore(() => new Date(clock.ms));
  store.load(generateSandboxData({ accounts }).data.salesforce);
  return { store, clock };
}

const run = (store: SalesforceStore, soql: string, all = false): Row[] => compileQuery(parseSoql(soql), all).run(store);
const ids = (rows: readonly Row[]) => rows.map((r) => r.Id);
const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** What the scan-and-sort path answers: matching rows by SystemModstamp, then Id as SOQL compares it. */
function byStampThenId(rows: Iterable<Row>, keep: (row: Row) => boolean): string[] {
  const out = [...rows].filter(keep);
  const k = (r: Row) => `${r.SystemModstamp as string} ${r.Id.toLowerCase()}`;
  return ids(out.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0)));
}

describe('Salesforce store access paths', () => {
  it('AccountId IN (...) reads the index and equals the scan, through moves, deletes and rollbacks', () => {
    const { store, clock } = orgWith(3000);
    const actor = store.users()[0]?.Id as string;
    const accountIds = ids([...store.rows('Account')].slice(100, 130));
    const contactsOf = (all: boolean) =>
      new Set(run(store, `SELECT Id FROM Contact WHERE AccountId IN (${quoted(accountIds)})`, all).map((r) => r.Id));
    // The OR defeats the index: the same condition answered by a scan.
    const scanned = (all: boolean) =>
      new Set(
        run(
          store,
          `SELECT Id FROM Contact WHERE (AccountId IN (${quoted(accountIds)}) OR AccountId IN ('001000000000000AAA'))`,
          all,
        ).map((r) => r.Id),
      );
    expect(contactsOf(false).size).toBeGreaterThan(10);
    expect(contactsOf(false)).toEqual(scanned(false));

    const [moved, deleted, kept] = [...store.rows('Contact')].filter(
      (c) => !accountIds.includes(c.AccountId as string),
    );
    clock.ms += 1000;
    store.update('Contact', (moved as Row).Id, { AccountId: accountIds[0] }, actor);
    store.update('Contact', (deleted as Row).Id, { AccountId: accountIds[1] }, actor);
    store.delete('Contact', (deleted as Row).Id);
    store.transaction(() => {
      store.update('Contact', (kept as Row).Id, { AccountId: accountIds[2] }, actor);
      return false; // allOrNone failure: the move is undone
    });
    expect(contactsOf(false)).toEqual(scanned(false));
    expect(contactsOf(true)).toEqual(scanned(true));
    expect(contactsOf(false).has((moved as Row).Id)).toBe(true);
    expect(contactsOf(false).has((deleted as Row).Id)).toBe(false);
    expect(contactsOf(true).has((deleted as Row).Id)).toBe(true);
    expect(contactsOf(false).has((kept as Row).Id)).toBe(false);
    // 15-character ids in the literal find the same rows, as SOQL does.
    const short = run(store, `SELECT Id FROM Contact WHERE AccountId = '${(accountIds[3] as string).slice(0, 15)}'`);
    expect(ids(short)).toEqual(ids(run(store, `SELECT Id FROM Contact WHERE AccountId = '${accountIds[3]}'`)));
  });

  it('ORDER BY SystemModstamp, Id from a cursor walks the maintained order: same rows as scan + sort', () => {
    const { store, clock } = orgWith(3000);
    const actor = store.users()[0]?.Id as string;
    const accounts = [...store.rows('Account')];
    const cursor = accounts[1500]?.SystemModstamp as string;
    const incremental = (limit = '') =>
      ids(
        run(
          store,
          `SELECT Id FROM Account WHERE SystemModstamp >= ${cursor} AND Industry != null ORDER BY SystemModstamp ASC, Id ASC${limit}`,
        ),
      );
    const expected = () =>
      byStampThenId(
        store.rows('Account'),
        (r) => !r.IsDeleted && (r.SystemModstamp as string) >= cursor && r.Industry !== null,
      );
    expect(incremental()).toEqual(expected());

    // Writes in one millisecond share a stamp: the Id tie-break still orders them, LIMIT cuts after it.
    clock.ms = Date.parse('2031-01-01T00:00:00.000Z');
    const touched = [accounts[2900], accounts[10], accounts[700], accounts[5]].map((a) => (a as Row).Id);
    for (const id of touched) store.update('Account', id, { Industry: 'Banking' }, actor);
    store.delete('Account', (accounts[2000] as Row).Id);
    store.transaction(() => {
      store.update('Account', (accounts[20] as Row).Id, { Industry: 'Banking' }, actor);
      return false;
    });
    expect(incremental()).toEqual(expected());
    expect(incremental(' LIMIT 3')).toEqual(expected().slice(0, 3));
    expect(incremental().slice(-4)).toEqual([...touched].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const newest = ids(run(store, 'SELECT Id FROM Account ORDER BY SystemModstamp DESC LIMIT 4'));
    expect(new Set(newest)).toEqual(new Set(touched));
    const deletedToo = run(
      store,
      `SELECT Id FROM Account WHERE SystemModstamp > ${cursor} ORDER BY SystemModstamp`,
      true,
    );
    expect(ids(deletedToo)).toContain((accounts[2000] as Row).Id);
  });

  it('on 50,000 accounts and 100,000 people the indexed paths answer without a full scan', () => {
    const { store } = orgWith(50_000);
    const accountIds = ids([...store.rows('Account')].slice(5000, 5200));
    // The best of five runs: a GC pause or a busy machine inflates one run, not all of them.
    const time = (soql: string) => {
      let best = Number.POSITIVE_INFINITY;
      let rows: Row[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        rows = run(store, soql);
        best = Math.min(best, performance.now() - started);
      }
      return { rows, ms: best };
    };
    const inList = `AccountId IN (${quoted(accountIds)})`;
    time(`SELECT Id FROM Contact WHERE ${inList}`); // first use builds the index
    const indexed = time(`SELECT Id FROM Contact WHERE ${inList}`);
    const scanned = time(`SELECT Id FROM Contact WHERE (${inList} OR AccountId = '001000000000000AAA')`);
    expect(new Set(ids(indexed.rows))).toEqual(new Set(ids(scanned.rows)));
    expect(indexed.ms * 5).toBeLessThan(scanned.ms);

    const last = [...store.rows('Account')].reduce((a, b) =>
      (a.SystemModstamp as string) > (b.SystemModstamp as string) ? a : b,
    );
    const soql = `SELECT Id FROM Account WHERE SystemModstamp >= ${last.SystemModstamp as string} ORDER BY SystemModstamp, Id`;
    time(soql); // first use builds the order
    const recent = time(soql);
    const sortedScan = time(
      `SELECT Id FROM Account WHERE SystemModstamp >= ${last.SystemModstamp as string} ORDER BY Name`,
    );
    expect(ids(recent.rows)).toContain(last.Id);
    expect(recent.ms * 5).toBeLessThan(sortedScan.ms);
  });
});
