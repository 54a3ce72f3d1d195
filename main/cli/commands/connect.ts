/**
 * `sfhs connect salesforce|hubspot` and `sfhs disconnect salesforce|hubspot`. Interactive sign-in is OAuth: the
 * command prints the provider's page, waits on a loopback callback, and saves what verifies. Scripts can paste a
 * token instead. Secrets are read from stdin, never from argv, so they stay out of shell history and `ps`.
 */
import type { Readable } from 'node:stream';
import type { ConnectionStatus, SystemName } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { disconnect } from '../../connections/index.js';
import { DEFAULT_FLOW_TIMEOUT_SECONDS } from '../../connections/oauth-connect.js';
import { HUBSPOT_API_URL } from '../../oauth/endpoints.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';

const SYSTEMS: SystemName[] = ['salesforce', 'hubspot'];
const NAME: Record<SystemName, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

function requireSystem(raw: string | undefined, verb: string): SystemName {
  if (raw === 'salesforce' || raw === 'hubspot') return raw;
  throw new AppError('VALIDATION', `Say which system: sfhs ${verb} ${SYSTEMS.join('|')}`);
}

/** The first line of stdin (or all of it, if it has no newline), trimmed. */
export function readSecretLine(stdin: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.off('end', finish);
      stdin.off('error', reject);
      stdin.pause();
      resolve((text.split(/\r?\n/)[0] ?? '').trim());
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (/\r?\n/.test(text)) finish();
    };
    stdin.on('data', onData);
    stdin.once('end', finish);
    stdin.once('error', reject);
  });
}

async function readSecret(ctx: CliContext, flag: string, what: string): Promise<string> {
  if ((ctx.stdin as Readable & { isTTY?: boolean }).isTTY) print(ctx.stderr, `Paste the ${what} and press Enter:`);
  const secret = await readSecretLine(ctx.stdin);
  if (!secret)
    throw new AppError('VALIDATION', `No ${what} on stdin (${flag}). Example: pbpaste | sfhs connect … ${flag}`);
  return secret;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError('VALIDATION', `${flag} must be a whole number, got "${value}".`);
  return n;
}

export function describeStatus(status: ConnectionStatus): string {
  const name = NAME[status.system];
  if (!status.connected) return `${name}: not connected`;
  const user = status.user && status.user !== status.label ? ` (${status.user})` : '';
  const expiry = status.expiresAt ? `, token expires ${status.expiresAt}` : '';
  const problem = status.problem ? ` — ${status.problem}` : '';
  const missing = status.missingScopes.length ? ` — missing scopes: ${status.missingScopes.join(', ')}` : '';
  return `${name}: connected as ${status.label}${user} at ${status.instanceUrl}${expiry}${problem}${missing}`;
}

function printOutcome(ctx: CliContext, status: ConnectionStatus, warning: string | null): number {
  if (warning) print(ctx.stderr, `! ${warning}`);
  print(ctx.stdout, ctx.json ? JSON.stringify(status) : describeStatus(status));
  return exitCodes.ok;
}

/** Interactive OAuth: print the page, wait for the callback (or Ctrl-C, or the time-out). */
async function connectWithOAuth(ctx: CliContext, system: SystemName, values: ParsedCommand['values']): Promise<number> {
  const connections = ctx.connections();
  const clientSecret = values['client-secret-stdin']
    ? await readSecret(ctx, '--client-secret-stdin', 'client secret')
    : undefined;
  const timeoutSeconds = positiveInt(values.timeout, '--timeout') ?? DEFAULT_FLOW_TIMEOUT_SECONDS;
  const flow = await connections.oauth.start({
    system,
    clientId: text(values['client-id']) as string,
    loginUrl: text(values['login-url']),
    apiBaseUrl: system === 'hubspot' ? text(values['base-url']) : undefined,
    ...(clientSecret ? { clientSecret } : {}),
    timeoutSeconds,
    callbackPort: positiveInt(values['callback-port'], '--callback-port'),
  });
  if (ctx.json) {
    const { authorizeUrl, redirectUri, expiresAt } = flow;
    print(ctx.stdout, JSON.stringify({ authorizeUrl, redirectUri, expiresAt }));
  } else {
    print(ctx.stdout, `Open this address in a browser and sign in to ${NAME[system]}:\n\n  ${flow.authorizeUrl}\n`);
    print(ctx.stderr, `Waiting up to ${timeoutSeconds} s for the answer at ${flow.redirectUri} (Ctrl-C stops)…`);
  }
  void ctx.interrupted.then(() => connections.oauth.cancel(flow.flowId));
  const outcome = await connections.oauth.wait(flow.flowId);
  return printOutcome(ctx, outcome.status[system], outcome.vaultWarning);
}

/** Scripts and private apps: a token on stdin, verified before it is saved. */
async function connectWithToken(ctx: CliContext, system: SystemName, values: ParsedCommand['values']): Promise<number> {
  const connections = ctx.connections();
  if (system === 'salesforce') {
    const instanceUrl = text(values['instance-url']);
    if (!instanceUrl)
      throw new AppError('VALIDATION', '--access-token-stdin needs --instance-url https://acme.my.salesforce.com');
    const status = await connections.connectSalesforce({
      instanceUrl,
      accessToken: await readSecret(ctx, '--access-token-stdin', 'access token'),
    });
    return printOutcome(ctx, status.salesforce, connections.takeVaultWarning());
  }
  const status = await connections.connectHubSpot({
    baseUrl: text(values['base-url']) ?? HUBSPOT_API_URL,
    accessToken: await readSecret(ctx, '--private-app-token-stdin', 'private-app token'),
    kind: 'privateApp',
  });
  return printOutcome(ctx, status.hubspot, connections.takeVaultWarning());
}

export const connectCommand: CliCommand = {
  name: 'connect',
  summary: 'connect Salesforce or HubSpot (OAuth sign-in in the browser, or a token on stdin)',
  usage: [
    'salesforce --client-id ID [--login-url production|sandbox|MYDOMAIN|URL] [--client-secret-stdin]',
    'hubspot --client-id ID --client-secret-stdin [--base-url URL] [--login-url URL]',
    'salesforce --instance-url URL --access-token-stdin       (scripts: a token you already have)',
    `hubspot [--base-url URL] --private-app-token-stdin       (default base URL ${HUBSPOT_API_URL})`,
    '  Sign-in options: --timeout SECONDS (default 300), --callback-port N (default: any free port).',
    '  See docs/connections.md for creating the connected app / HubSpot app, its scopes and callback URL.',
  ],
  options: {
    'client-id': { type: 'string' },
    'client-secret-stdin': { type: 'boolean', default: false },
    'login-url': { type: 'string' },
    timeout: { type: 'string' },
    'callback-port': { type: 'string' },
    'instance-url': { type: 'string' },
    'access-token-stdin': { type: 'boolean', default: false },
    'base-url': { type: 'string' },
    'private-app-token-stdin': { type: 'boolean', default: false },
  },
  async run(ctx, { values, positionals }) {
    const system = requireSystem(positionals[0], 'connect');
    const tokenFlag = system === 'salesforce' ? 'access-token-stdin' : 'private-app-token-stdin';
    if (values[tokenFlag]) return connectWithToken(ctx, system, values);
    if (text(values['client-id'])) return connectWithOAuth(ctx, system, values);
    throw new AppError(
      'VALIDATION',
      `Give the OAuth app's --client-id (sign in in the browser) or --${tokenFlag} (a token on stdin). ` +
        'See "sfhs connect --help" and docs/connections.md.',
    );
  },
};

export const disconnectCommand: CliCommand = {
  name: 'disconnect',
  summary: 'revoke the Salesforce or HubSpot sign-in and erase it from this data folder',
  usage: ['salesforce|hubspot'],
  options: {},
  async run(ctx, { positionals }) {
    const system = requireSystem(positionals[0], 'disconnect');
    const outcome = await disconnect(ctx.connections(), system);
    if (outcome.note) print(ctx.stderr, outcome.note);
    if (ctx.json) print(ctx.stdout, JSON.stringify({ ...outcome.status[system], revoked: outcome.revoked }));
    else print(ctx.stdout, `${describeStatus(outcome.status[system])}${outcome.revoked ? ' (revoked)' : ''}`);
    return exitCodes.ok;
  },
};
