/**
 * `sfhs connect salesforce|hubspot` and `sfhs disconnect salesforce|hubspot`. Tokens are read from stdin, never
 * from argv, so they stay out of shell history and `ps` (style "Windows and secrets").
 */
import type { Readable } from 'node:stream';
import type { ConnectionStatus, ConnectionsStatus, SystemName } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { HUBSPOT_DEFAULT_BASE_URL } from '../../connectors/hubspot/client.js';
import { type CliCommand, type CliContext, exitCodes, print } from '../command.js';

const SYSTEMS: SystemName[] = ['salesforce', 'hubspot'];

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

async function readToken(ctx: CliContext, flag: string): Promise<string> {
  if ((ctx.stdin as Readable & { isTTY?: boolean }).isTTY) print(ctx.stderr, 'Paste the token and press Enter:');
  const token = await readSecretLine(ctx.stdin);
  if (!token)
    throw new AppError('VALIDATION', `No token on stdin (${flag}). Example: pbpaste | sfhs connect … ${flag}`);
  return token;
}

function requireFlag(value: unknown, name: string, example: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new AppError('VALIDATION', `${name} is required: ${example}`);
  return value;
}

export function describeStatus(status: ConnectionStatus): string {
  const name = status.system === 'salesforce' ? 'Salesforce' : 'HubSpot';
  if (!status.connected) return `${name}: not connected`;
  const expiry = status.expiresAt ? `, token expires ${status.expiresAt}` : '';
  const problem = status.problem ? ` — ${status.problem}` : '';
  return `${name}: connected as ${status.label} at ${status.instanceUrl}${expiry}${problem}`;
}

export const connectCommand: CliCommand = {
  name: 'connect',
  summary: 'connect Salesforce or HubSpot (the token is read from stdin)',
  usage: [
    'salesforce --instance-url URL --access-token-stdin',
    `hubspot [--base-url URL] --private-app-token-stdin   (default base URL ${HUBSPOT_DEFAULT_BASE_URL})`,
  ],
  options: {
    'instance-url': { type: 'string' },
    'access-token-stdin': { type: 'boolean', default: false },
    'base-url': { type: 'string' },
    'private-app-token-stdin': { type: 'boolean', default: false },
  },
  async run(ctx, { values, positionals }) {
    const system = requireSystem(positionals[0], 'connect');
    const connections = ctx.services().connections;
    let result: ConnectionsStatus;
    if (system === 'salesforce') {
      const instanceUrl = requireFlag(
        values['instance-url'],
        '--instance-url',
        'sfhs connect salesforce --instance-url https://acme.my.salesforce.com --access-token-stdin',
      );
      if (!values['access-token-stdin'])
        throw new AppError(
          'VALIDATION',
          'Pass --access-token-stdin and give the token on stdin (never as an argument).',
        );
      result = await connections.connectSalesforce({
        instanceUrl,
        accessToken: await readToken(ctx, '--access-token-stdin'),
      });
    } else {
      if (!values['private-app-token-stdin'])
        throw new AppError(
          'VALIDATION',
          'Pass --private-app-token-stdin and give the token on stdin (never as an argument).',
        );
      const baseUrl = typeof values['base-url'] === 'string' ? values['base-url'] : HUBSPOT_DEFAULT_BASE_URL;
      result = await connections.connectHubSpot({
        baseUrl,
        accessToken: await readToken(ctx, '--private-app-token-stdin'),
        kind: 'privateApp',
      });
    }
    print(ctx.stdout, ctx.json ? JSON.stringify(result[system]) : describeStatus(result[system]));
    return exitCodes.ok;
  },
};

export const disconnectCommand: CliCommand = {
  name: 'disconnect',
  summary: 'forget the Salesforce or HubSpot credentials stored in this data folder',
  usage: ['salesforce|hubspot'],
  options: {},
  async run(ctx, { positionals }) {
    const system = requireSystem(positionals[0], 'disconnect');
    const result = ctx.services().connections.disconnect(system);
    print(ctx.stdout, ctx.json ? JSON.stringify(result[system]) : describeStatus(result[system]));
    return exitCodes.ok;
  },
};
