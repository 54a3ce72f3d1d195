/** `sfhs status`: both connections (never a token) and how the token vault protects them. */
import { type CliCommand, exitCodes, print } from '../command.js';
import { describeStatus } from './connect.js';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'show the Salesforce and HubSpot connections',
  usage: ['[--json]'],
  options: {},
  async run(ctx) {
    const status = ctx.connections().status();
    if (ctx.json) {
      print(ctx.stdout, JSON.stringify(status));
      return exitCodes.ok;
    }
    for (const system of ['salesforce', 'hubspot'] as const) print(ctx.stdout, describeStatus(status[system]));
    const { encryption, note } = status.vault;
    print(
      ctx.stdout,
      encryption === 'os'
        ? 'Tokens: encrypted by the OS keychain'
        : `Tokens: unencrypted 0600 file. ${note ?? ''}`.trim(),
    );
    return exitCodes.ok;
  },
};
