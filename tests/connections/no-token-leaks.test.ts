/**
 * Issue 5 "Done when": after connect (both OAuth flows, over HTTP as the browser does) + import + health + log
 * export + disconnect, no token or client secret appears anywhere but the vault file: not in the other files of the
 * data folder (SQLite cache and log, settings), not in any HTTP answer, not in any push event, not on the console.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createServices, type Services } from '../../main/app/services.js';
import { vaultFileName } from '../../main/connections/vault.js';
import { type RunningWebServer, startWebServer } from '../../main/web/server.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { eventNames } from '../../shared/contract/index.js';
import { tempDirFactory } from '../support/temp.js';
import { rendererOutDir } from '../e2e/support/renderer-build.js';
import { answerConsent } from './approve.js';

const tempDir = tempDirFactory();
let sandbox: Sandbox;
let services: Services;
let server: RunningWebServer;
let dataDir: string;
const seen: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ accounts: 30, seed: 11, hsLimit: 'off' });
});
afterAll(async () => {
  await server?.close();
  services?.close();
  await sandbox?.close();
});

async function op<T>(name: string, args: unknown = {}): Promise<T> {
  const response = await fetch(`${server.origin}/api/op/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.secret}` },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  seen.push(text);
  const result = JSON.parse(text) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value;
}

async function connectOverHttp(system: 'salesforce' | 'hubspot'): Promise<void> {
  const info = sandbox.info();
  const flow = await op<{ flowId: string; authorizeUrl: string }>(
    'startOAuth',
    system === 'salesforce'
      ? {
          system,
          loginUrl: info.salesforce.url,
          clientId: info.salesforce.clientId,
          clientSecret: info.salesforce.clientSecret,
        }
      : {
          system,
          apiBaseUrl: info.hubspot.url,
          clientId: info.hubspot.clientId,
          clientSecret: info.hubspot.clientSecret,
        },
  );
  const waiting = op('awaitOAuth', { flowId: flow.flowId });
  await answerConsent(flow.authorizeUrl, 'approve');
  await waiting;
}

test('no token or secret outside the vault after connect + import + export + disconnect', async () => {
  dataDir = tempDir();
  const consoleLines: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(format(...args));
    });
  }
  services = createServices({ dataDir, runtime: 'browser', version: '0.0.0-test' });
  for (const name of eventNames) services.events.on(name, (payload) => seen.push(JSON.stringify(payload)));
  server = await startWebServer({ services, staticDir: rendererOutDir });

  await connectOverHttp('salesforce');
  await connectOverHttp('hubspot');
  const secrets = new Set<string>();
  const remember = () => {
    for (const system of ['salesforce', 'hubspot'] as const) {
      const stored = services.connections.vault.get(system);
      for (const value of [stored?.accessToken, stored?.refreshToken, stored?.app?.clientSecret]) {
        if (value) secrets.add(value);
      }
    }
  };
  remember();
  expect(secrets.size).toBe(6); // an access token, a refresh token and a client secret per system
  await op('updateSettings', { changes: { syncCompanies: true } });
  const run = await op<{ runId: string }>('startRun', { kind: 'import', dryRun: false });
  await expect
    .poll(async () => (await op<{ state: string }>('getRun', { runId: run.runId })).state, { timeout: 30_000 })
    .toBe('completed');
  remember();
  await op('getHealth');
  await op('exportLog', {});
  await op('listRunOps', { runId: run.runId });
  await op('getConnections');
  await op('disconnect', { system: 'salesforce' });
  await op('disconnect', { system: 'hubspot' });
  services.close();
  vi.restoreAllMocks();

  const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name !== vaultFileName,
  );
  expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['sfhs.sqlite']));
  const haystacks = {
    files: files.map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1')).join('\n'),
    httpAndEvents: seen.join('\n'),
    console: consoleLines.join('\n'),
  };
  expect(seen.length).toBeGreaterThan(10);
  for (const [where, text] of Object.entries(haystacks)) {
    for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).toBe(false);
  }
});
