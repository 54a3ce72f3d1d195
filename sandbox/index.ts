/**
 * The whole local sandbox in one call: a seeded Salesforce org and HubSpot portal on loopback ports, plus the
 * admin endpoint that changes faults and limits at run time. `info()` is the JSON that `sfhs sandbox` prints as
 * its first line and that scripts read to find the URLs and tokens.
 */
import { FaultInjector, parseFaultSpec } from './faults/faults.js';
import { type AdminServer, parseHsLimit, startAdminServer } from './admin/index.js';
import { type HubSpotEmulator, startHubSpotEmulator } from './hubspot/index.js';
import type { SandboxData } from './model.js';
import { type SalesforceEmulator, startSalesforceEmulator } from './salesforce/index.js';
import {
  type GeneratedSandbox,
  generateSandboxData,
  SEED_INCLUSION_LIST_ID,
  type SeedExpected,
  type SeedOptions,
  type SeedParams,
} from './seed/index.js';
import { loadOrGenerate } from './snapshot/index.js';

export interface SandboxOptions extends SeedOptions {
  /** Fault spec for both systems (see sandbox/faults), e.g. `429=0.05,seed=7`. */
  faults?: string;
  /** HubSpot rate limits for both token kinds: `110/10s`, `190/10s,1000000/day`, `off`. */
  hsLimit?: string;
  /** SQLite snapshot: loaded when made with the same seed parameters, else generated and saved there. */
  snapshot?: string;
  ports?: { salesforce?: number; hubspot?: number; admin?: number };
  /** Data generated beforehand (tests, benchmarks); the seed options are then ignored. */
  generated?: GeneratedSandbox;
  now?: () => Date;
}

export interface DataCounts {
  sfAccounts: number;
  sfContacts: number;
  sfLeads: number;
  sfUsers: number;
  hsCompanies: number;
  hsContacts: number;
  hsAssociations: number;
  hsOwners: number;
  inclusionListMembers: number;
}

export interface SandboxInfo {
  salesforce: {
    url: string;
    clientId: string;
    clientSecret: string;
    accessToken: string;
    refreshToken: string;
    orgId: string;
    integrationUserId: string;
  };
  hubspot: { url: string; clientId: string; clientSecret: string; accessToken: string; portalId: number };
  admin: { url: string };
  seed: SeedParams;
  /** `snapshot` when the data came from the --snapshot file, `generated` otherwise. */
  source: 'generated' | 'snapshot';
  counts: DataCounts;
  expected: SeedExpected;
}

export interface Sandbox {
  salesforce: SalesforceEmulator;
  hubspot: HubSpotEmulator;
  admin: AdminServer;
  params: SeedParams;
  counts: DataCounts;
  expected: SeedExpected;
  info(): SandboxInfo;
  close(): Promise<void>;
}

export function countData(data: SandboxData): DataCounts {
  const { salesforce: sf, hubspot: hs } = data;
  return {
    sfAccounts: sf.accounts.length,
    sfContacts: sf.contacts.length,
    sfLeads: sf.leads.length,
    sfUsers: sf.users.length,
    hsCompanies: hs.companies.length,
    hsContacts: hs.contacts.length,
    hsAssociations: hs.associations.length,
    hsOwners: hs.owners.length,
    inclusionListMembers: hs.lists.find((l) => l.listId === SEED_INCLUSION_LIST_ID)?.contactIds.length ?? 0,
  };
}

function obtainData(options: SandboxOptions): { generated: GeneratedSandbox; source: SandboxInfo['source'] } {
  if (options.generated) return { generated: options.generated, source: 'generated' };
  if (options.snapshot) return loadOrGenerate(options.snapshot, options);
  return { generated: generateSandboxData(options), source: 'generated' };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // Bad --faults / --hs-limit fail here, before minutes of generation (FaultSpecError / LimitSpecError).
  const faultSpec = parseFaultSpec(options.faults ?? '');
  const hsLimits = options.hsLimit === undefined ? undefined : parseHsLimit(options.hsLimit);
  const { generated, source } = obtainData(options);
  const counts = countData(generated.data);
  // Closures below must not capture `generated`: that would keep the seed arrays alive next to the stores' copies.
  const { params, expected } = generated;
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const salesforce = await startSalesforceEmulator({
      port: options.ports?.salesforce,
      data: generated.data.salesforce,
      faults: new FaultInjector(faultSpec),
      now: options.now,
    });
    started.push(salesforce);
    const hubspot = await startHubSpotEmulator({
      port: options.ports?.hubspot,
      data: generated.data.hubspot,
      faults: new FaultInjector(faultSpec),
      limits: hsLimits && { oauth: hsLimits, privateApp: hsLimits },
      now: options.now,
    });
    started.push(hubspot);
    const admin = await startAdminServer(salesforce, hubspot, options.ports?.admin);
    started.push(admin);
    const info = (): SandboxInfo => ({
      salesforce: {
        url: salesforce.url,
        clientId: salesforce.clientId,
        clientSecret: salesforce.clientSecret,
        accessToken: salesforce.accessToken,
        refreshToken: salesforce.refreshToken,
        orgId: salesforce.orgId,
        integrationUserId: salesforce.integrationUserId,
      },
      hubspot: {
        url: hubspot.url,
        clientId: hubspot.clientId,
        clientSecret: hubspot.clientSecret,
        accessToken: hubspot.accessToken,
        portalId: hubspot.portalId,
      },
      admin: { url: admin.url },
      seed: params,
      source,
      counts,
      expected,
    });
    return {
      salesforce,
      hubspot,
      admin,
      params,
      counts,
      expected,
      info,
      close: () => closeAll(started),
    };
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

async function closeAll(servers: Array<{ close(): Promise<void> }>): Promise<void> {
  await Promise.all(
    servers
      .splice(0)
      .reverse()
      .map((s) => s.close()),
  );
}
