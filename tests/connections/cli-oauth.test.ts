/** `sfhs connect … --client-id` end to end: the printed sign-in page, the callback, the saved connection. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exitCodes } from '../../main/cli/command.js';
import { runCli } from '../../main/cli/index.js';
import { type HubSpotEmulator, startHubSpotEmulator } from '../../sandbox/hubspot/index.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../sandbox/salesforce/index.js';
import type { ConnectionsStatus } from '../../shared/contract/index.js';
import { tempDirFactory } from '../support/temp.js';
import { answerConsent } from './approve.js';

const tempDir = tempDirFactory();
let sf: SalesforceEmulator;
let hs: HubSpotEmulator;

beforeAll(async () => {
  [sf, hs] = await Promise.all([startSalesforceEmulator(), startHubSpotEmulator()]);
});
afterAll(async () => {
  await Promise.all([sf?.close(), hs?.close()]);
});

/** Runs the command; when it prints a sign-in page, `consent` answers it as a person in the browser would. */
async function cli(argv: string[], stdinText = '', consent?: (authorizeUrl: string) => Promise<unknown>) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  const answered: Promise<unknown>[] = [];
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const url = /https?:\/\/[^\s"]+\/(services\/oauth2|oauth)\/authorize\?[^\s"]+/.exec(chunk.toString())?.[0];
    if (url && consent) answered.push(consent(url));
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  stdin.end(stdinText);
  const code = await runCli(argv, { stdin, stdout, stderr, env: {} });
  await Promise.all(answered);
  return { code, out, err };
}

test('connect salesforce --client-id prints the sign-in page, waits for the callback and saves the org', async () => {
  const dir = tempDir();
  const result = await cli(
    ['connect', 'salesforce', '--login-url', sf.url, '--client-id', sf.clientId, '--data-dir', dir],
    '',
    (url) => answerConsent(url, 'approve'),
  );
  expect(result.err).toMatch(/Waiting up to 300 s for the answer at http:\/\/127\.0\.0\.1:\d+\/callback/);
  expect(result.code).toBe(exitCodes.ok);
  expect(result.out).toMatch(/Open this address in a browser and sign in to Salesforce/);
  expect(result.out).toMatch(/Salesforce: connected as \S+/);
  const status = await cli(['status', '--json', '--data-dir', dir]);
  expect((JSON.parse(status.out) as ConnectionsStatus).salesforce).toMatchObject({
    kind: 'oauth',
    accountId: sf.orgId,
  });
});

test('connect hubspot --client-id --client-secret-stdin (JSON): the flow line, then the status with scopes', async () => {
  const dir = tempDir();
  const result = await cli(
    [
      'connect',
      'hubspot',
      '--base-url',
      hs.url,
      '--client-id',
      hs.clientId,
      '--client-secret-stdin',
      '--json',
      '--data-dir',
      dir,
    ],
    `${hs.clientSecret}\n`,
    (url) => answerConsent(url, 'approve'),
  );
  expect(result.code).toBe(exitCodes.ok);
  const [flowLine, statusLine] = result.out.trim().split('\n');
  expect(JSON.parse(flowLine as string)).toMatchObject({
    redirectUri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
  });
  expect(JSON.parse(statusLine as string)).toMatchObject({ connected: true, kind: 'oauth', missingScopes: [] });
  expect(result.out + result.err).not.toContain(hs.clientSecret);
});

test('a sign-in nobody finishes times out with a clear message and the not-connected exit code', async () => {
  const result = await cli([
    'connect',
    'salesforce',
    '--login-url',
    sf.url,
    '--client-id',
    sf.clientId,
    '--timeout',
    '1',
    '--data-dir',
    tempDir(),
  ]);
  expect(result.code).toBe(exitCodes.notConnected);
  expect(result.err).toMatch(/No answer from the Salesforce sign-in page within 1 s.*Nothing was saved/);
});

test('a denied consent exits non-zero and says so', async () => {
  const result = await cli(
    ['connect', 'salesforce', '--login-url', sf.url, '--client-id', sf.clientId, '--data-dir', tempDir()],
    '',
    (url) => answerConsent(url, 'deny'),
  );
  expect(result.code).toBe(exitCodes.failure);
  expect(result.err).toMatch(/Access was not allowed in the Salesforce sign-in page/);
});

test('connect without --client-id or a token flag explains both ways', async () => {
  const result = await cli(['connect', 'hubspot', '--data-dir', tempDir()]);
  expect(result.code).toBe(exitCodes.validation);
  expect(result.err).toMatch(/--client-id.*--private-app-token-stdin/);
});
