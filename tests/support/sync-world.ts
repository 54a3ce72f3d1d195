/**
 * Helpers shared by the engine tests: a harness with company sync on, direct edits of the remote data (as a person
 * in either UI would make them, stamped later than the engine's own writes) and read-backs of both systems.
 */
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../shared/contract/index.js';
import type { RunSummary } from '../../main/engine/engine.js';
import { type OpKind, type OpRow, opsPage } from '../../main/engine/runs/ops-store.js';
import type { FieldMapping, SyncRule } from '../../main/engine/rules/mappings.js';
import { loadMappings, saveMappings } from '../../main/engine/state/mappings-store.js';
import { updateObject } from '../../sandbox/hubspot/writes.js';
import type { HsObject } from '../../sandbox/model.js';
import { normalizeId } from '../../sandbox/salesforce/ids.js';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.js';
import { type Harness, startHarness } from './engine-harness.js';

/** A harness whose sync switch is on (plus any other settings a test needs). */
export async function startSyncHarness(
  dataDir: string,
  settings: Partial<Settings> = {},
  options: SandboxOptions = {},
): Promise<Harness> {
  const harness = await startHarness(dataDir, options);
  harness.services.settings.update({ syncCompanies: true, ...settings });
  return harness;
}

/** A real import that must complete; the summary for further checks. */
export async function importAll(harness: Harness): Promise<RunSummary> {
  const summary = await harness.services.engine.run({ kind: 'import', dryRun: false });
  if (summary.state !== 'completed') throw new Error(`import ended ${summary.state}: ${summary.error}`);
  return summary;
}

export const syncNow = (harness: Harness): Promise<RunSummary> =>
  harness.services.engine.run({ kind: 'sync', dryRun: false });

/** Every op of a run, in plan order. */
export function allOps(db: Database, runId: string, operation?: OpKind): OpRow[] {
  const out: OpRow[] = [];
  for (;;) {
    const page = opsPage(db, runId, {
      afterSeq: out.at(-1)?.seq ?? 0,
      limit: 1000,
      ...(operation ? { operation } : {}),
    });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

export const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

/** Live HubSpot companies per salesforceaccountid in its 18-char form (R0.2; R0.1/R0.3: once per account). */
export function companiesByAccountId(sandbox: Sandbox): Map<string, HsObject[]> {
  const out = new Map<string, HsObject[]>();
  for (const company of sandbox.hubspot.store.tables.companies.scan()) {
    const raw = company.properties.salesforceaccountid;
    if (!raw) continue;
    const id = (raw.length === 15 ? normalizeId(raw) : raw) ?? raw;
    out.set(id, [...(out.get(id) ?? []), company]);
  }
  return out;
}

/** The one live company linked to an account (fails the test when there is not exactly one). */
export function companyOf(sandbox: Sandbox, accountId: string): HsObject {
  const found = companiesByAccountId(sandbox).get(accountId) ?? [];
  if (found.length !== 1) throw new Error(`expected one company for ${accountId}, found ${found.length}`);
  return found[0] as HsObject;
}

/** Live SF accounts with no company linked to them. */
export const liveAccountIds = (sandbox: Sandbox): string[] =>
  [...sandbox.salesforce.store.rows('Account')].filter((a) => !a.IsDeleted).map((a) => a.Id);

let clockSkew = 0;

/**
 * Edits a company as a HubSpot user would: a later timestamp than anything written so far (R7.4 compares them),
 * recorded in the property history the engine reads.
 */
export function editCompany(sandbox: Sandbox, companyId: string, properties: Record<string, string | null>): void {
  const company = sandbox.hubspot.store.getCompany(companyId);
  if (!company) throw new Error(`no company ${companyId}`);
  clockSkew += 1000;
  const at = new Date(Date.now() + clockSkew);
  const outcome = updateObject(sandbox.hubspot.store, 'companies', company, properties, at, {
    sourceType: 'CRM_UI',
    sourceId: 'person@example.com',
  });
  if (!outcome.ok) throw new Error(outcome.failure.message);
}

/** Edits an account as a Salesforce user would (SystemModstamp = now). */
export function editAccount(sandbox: Sandbox, accountId: string, changes: Record<string, unknown>): void {
  const store = sandbox.salesforce.store;
  store.update('Account', accountId, changes, store.getAccount(accountId)?.OwnerId ?? 'unknown');
}

export const accountField = (sandbox: Sandbox, accountId: string, field: string): unknown =>
  sandbox.salesforce.store.get('Account', accountId)?.[field] ?? null;

/** The mappings of the data folder with one rule changed (R7.3 per-mapping rules). */
export function setRule(db: Database, sfField: string, rule: SyncRule): FieldMapping[] {
  const mappings = loadMappings(db).map((m) => (m.sfField === sfField ? { ...m, rule } : m));
  saveMappings(db, mappings);
  return mappings;
}

/** Accounts linked by the import: id → company id, from the engine's links table. */
export function linkedPairs(db: Database): Array<{ accountId: string; companyId: string }> {
  return (
    db.prepare('SELECT sf_account_id, hs_company_id FROM links ORDER BY sf_account_id').all() as {
      sf_account_id: string;
      hs_company_id: string;
    }[]
  ).map((r) => ({ accountId: r.sf_account_id, companyId: r.hs_company_id }));
}

/**
 * An account the import created a company for, chosen by what its SF record holds (e.g. a blank Phone), with the
 * company's id: a freshly linked pair whose R7.4 bases are the imported values.
 */
export function createdPair(
  harness: Harness,
  runId: string,
  accept: (account: Record<string, unknown>) => boolean = () => true,
): { accountId: string; companyId: string } {
  for (const op of allOps(harness.services.db, runId, 'create')) {
    const account = harness.sandbox.salesforce.store.get('Account', op.sfAccountId as string);
    if (op.state === 'confirmed' && account && accept(account)) {
      return { accountId: op.sfAccountId as string, companyId: op.hsCompanyId as string };
    }
  }
  throw new Error('no created pair fits');
}

export const companyProperty = (sandbox: Sandbox, companyId: string, name: string): string | null =>
  sandbox.hubspot.store.getCompany(companyId)?.properties[name] ?? null;

/**
 * The account-driven writes of a run (creates and updates planned for SF accounts), leaving out work other rules
 * add to a sync for companies alone (R4 lifecycle roll-ups, R3 account creation).
 */
export const accountWrites = (db: Database, runId: string, accountId?: string): OpRow[] =>
  allOps(db, runId).filter(
    (op) =>
      op.sfAccountId !== null &&
      (accountId === undefined || op.sfAccountId === accountId) &&
      (op.operation === 'create' || op.operation === 'update'),
  );
