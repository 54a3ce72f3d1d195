import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventBus } from '../../../main/app/events.js';
import { exitCodes } from '../../../main/cli/command.js';
import { runCli } from '../../../main/cli/index.js';
import { ConnectionService } from '../../../main/connections/connection-service.js';
import { disconnect } from '../../../main/connections/disconnect.js';
import { FileVault, vaultFileName } from '../../../main/connections/vault.js';
import { closeDatabase, openDatabase } from '../../../main/db/database.js';
import { getMeta, setMeta } from '../../../main/db/meta.js';
import { type HubSpotEmulator, startHubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import type { ConnectionsStatus } from '../../../shared/contract/index.js';
import { tempDirFactory } from '../../support/temp.js';
import { freshSalesforceToken, salesforceAccepts } from './sandbox-tokens.js';

const tempDir = tempDirFactory();
let sf: SalesforceEmulator;
let hs: HubSpotEmulator;

beforeAll(async () => {
  [sf, hs] = await Promise.all([startSalesforceEmulator(), startHubSpotEmulator()]);
});
afterAll(async () => {
  await Promise.all([sf?.close(), hs?.close()]);
});

function serviceIn(dir: string) {
  const db = openDatabase({ file: join(dir, 'sfhs.sqlite') });
  const events = new EventBus();
  const seen: ConnectionsStatus[] = [];
  events.on('connections', (status) => seen.push(status));
  const service = new ConnectionService({ db, vault: new FileVault(dir), events });
  return { db, service, seen, close: () => closeDatabase(db) };
}

/** Every file in the folder except the vault, as text: tokens must appear in none of them. */
function folderTextOutsideVault(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== vaultFileName)
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('connect verifies, then saves', () => {
  test('Salesforce: identity checked, org recorded, vault 0600, status without the token, event emitted', async () => {
    const dir = tempDir();
    const { db, service, seen, close } = serviceIn(dir);
    try {
      const status = await service.connectSalesforce({ instanceUrl: `${sf.url}/`, accessToken: sf.accessToken });
      expect(status.salesforce).toMatchObject({ connected: true, instanceUrl: sf.url, problem: null });
      expect(getMeta(db, 'salesforce.orgId')).toBe(sf.orgId);
      expect(statSync(join(dir, vaultFileName)).mode & 0o777).toBe(0o600);
      expect(JSON.stringify(service.status())).not.toContain(sf.accessToken);
      expect(seen.at(-1)?.salesforce.connected).toBe(true);
      // The stored connection builds a working connector.
      await expect(service.salesforce().limits()).resolves.toMatchObject({ dailyApiRequests: { max: 100_000 } });
    } finally {
      close();
    }
    expect(folderTextOutsideVault(dir)).not.toContain(sf.accessToken);
  });

  test('HubSpot private app: token verified and stored, never shown', async () => {
    const dir = tempDir();
    const { service, close } = serviceIn(dir);
    try {
      const status = await service.connectHubSpot({ baseUrl: hs.url, accessToken: hs.accessToken, kind: 'privateApp' });
      expect(status.hubspot).toMatchObject({ connected: true, instanceUrl: hs.url });
      expect(JSON.stringify(status)).not.toContain(hs.accessToken);
      await expect(service.hubspot().properties('companies')).resolves.not.toHaveLength(0);
    } finally {
      close();
    }
    expect(folderTextOutsideVault(dir)).not.toContain(hs.accessToken);
  });

  test('a wrong token saves nothing and keeps the previous working connection', async () => {
    const dir = tempDir();
    const { service, close } = serviceIn(dir);
    try {
      await service.connectSalesforce({ instanceUrl: sf.url, accessToken: sf.accessToken });
      const failure = await service
        .connectSalesforce({ instanceUrl: sf.url, accessToken: 'wrong-token' })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'NOT_CONNECTED' });
      expect((failure as Error).message).toMatch(/AUTH/);
      expect((failure as Error).message).not.toContain('wrong-token');
      expect(JSON.parse(readFileSync(join(dir, vaultFileName), 'utf8')).data).toContain(sf.accessToken);
      await expect(service.salesforce().limits()).resolves.toBeDefined();
    } finally {
      close();
    }
  });

  test('HubSpot private app: the portal id (account-info) is shown and pins the folder; another portal is refused', async () => {
    const dir = tempDir();
    const { db, service, close } = serviceIn(dir);
    try {
      const status = await service.connectHubSpot({ baseUrl: hs.url, accessToken: hs.accessToken, kind: 'privateApp' });
      expect(status.hubspot).toMatchObject({ kind: 'privateApp', accountId: String(hs.portalId) });
      expect(getMeta(db, 'hubspot.portalId')).toBe(String(hs.portalId));
      setMeta(db, 'hubspot.portalId', '999');
      await expect(
        service.connectHubSpot({ baseUrl: hs.url, accessToken: hs.accessToken, kind: 'privateApp' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: /belongs to HubSpot portal 999; you connected HubSpot portal/,
      });
      expect(service.status().hubspot.connected).toBe(true);
    } finally {
      close();
    }
  });

  test('a data folder that belongs to another org refuses this one, with both ids in the message', async () => {
    const dir = tempDir();
    const { db, service, close } = serviceIn(dir);
    try {
      setMeta(db, 'salesforce.orgId', '00DHa0000000ZZZ');
      const failure = await service
        .connectSalesforce({ instanceUrl: sf.url, accessToken: sf.accessToken })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'CONFLICT' });
      expect((failure as Error).message).toContain(
        'this data folder belongs to Salesforce org 00DHa0000000ZZZ'.replace('this', 'This'),
      );
      expect((failure as Error).message).toContain(`you connected Salesforce org ${sf.orgId}`);
      expect(service.status().salesforce.connected).toBe(false);
    } finally {
      close();
    }
  });

  test('disconnect revokes at the provider, then erases the credentials locally', async () => {
    const dir = tempDir();
    const { service, close } = serviceIn(dir);
    try {
      const token = await freshSalesforceToken(sf);
      await service.connectSalesforce({ instanceUrl: sf.url, accessToken: token });
      await service.connectHubSpot({ baseUrl: hs.url, accessToken: hs.accessToken, kind: 'privateApp' });
      expect(await disconnect(service, 'salesforce')).toMatchObject({ revoked: true, note: null });
      expect(await salesforceAccepts(sf, token)).toBe(false);
      expect(readFileSync(join(dir, vaultFileName), 'utf8')).not.toContain(token);
      // A private-app token cannot be revoked by API: erased here, and the outcome says what to do in HubSpot.
      expect(await disconnect(service, 'hubspot')).toMatchObject({ revoked: false, note: /private-app/ });
      expect(readdirSync(dir)).not.toContain(vaultFileName);
      expect(service.status().salesforce.connected).toBe(false);
      expect(() => service.salesforce()).toThrow(/Not connected to Salesforce/);
    } finally {
      close();
    }
  });
});

describe('sfhs connect / status / disconnect', () => {
  async function cli(argv: string[], stdinText = '') {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c) => (out += c));
    stderr.on('data', (c) => (err += c));
    stdin.end(stdinText);
    const code = await runCli(argv, { stdin, stdout, stderr, env: {} });
    return { code, out, err };
  }

  test('connect salesforce reads the token from stdin; status --json never shows it', async () => {
    const dir = tempDir();
    const token = await freshSalesforceToken(sf);
    const connected = await cli(
      ['connect', 'salesforce', '--instance-url', sf.url, '--access-token-stdin', '--data-dir', dir],
      `  ${token}  \n`,
    );
    // The first unencrypted save warns once per data folder, as the GitHub CLI does.
    expect(connected.err).toMatch(/^! Tokens are stored unencrypted in .*vault\.json \(readable only by your user/);
    expect(connected.code).toBe(exitCodes.ok);
    expect(connected.out).toMatch(/Salesforce: connected as /);
    const status = await cli(['status', '--json', '--data-dir', dir]);
    const parsed = JSON.parse(status.out) as ConnectionsStatus;
    expect(parsed.salesforce.connected).toBe(true);
    expect(parsed.hubspot.connected).toBe(false);
    expect(status.out).not.toContain(token);
    const hubspot = await cli(
      ['connect', 'hubspot', '--base-url', hs.url, '--private-app-token-stdin', '--data-dir', dir],
      hs.accessToken,
    );
    expect(hubspot.code).toBe(exitCodes.ok);
    expect(hubspot.err).toBe('');
    expect((await cli(['disconnect', 'salesforce', '--data-dir', dir])).out).toMatch(/Salesforce: not connected/);
    expect(folderTextOutsideVault(dir)).not.toContain(token);
  });

  test('a wrong token exits with the not-connected code and an AUTH message', async () => {
    const result = await cli(
      ['connect', 'salesforce', '--instance-url', sf.url, '--access-token-stdin', '--data-dir', tempDir()],
      'wrong\n',
    );
    expect(result.code).toBe(exitCodes.notConnected);
    expect(result.err).toMatch(/AUTH/);
  });

  test('no token on stdin, or a missing flag, is a validation error', async () => {
    const noToken = await cli(
      ['connect', 'salesforce', '--instance-url', sf.url, '--access-token-stdin', '--data-dir', tempDir()],
      '',
    );
    expect(noToken.code).toBe(exitCodes.validation);
    const noFlag = await cli(['connect', 'salesforce', '--instance-url', sf.url, '--data-dir', tempDir()]);
    expect(noFlag.code).toBe(exitCodes.validation);
    expect(noFlag.err).toMatch(/--access-token-stdin/);
  });
});
