/** `sfhs status`: both connections (never a token) and, when connected, this process's API usage. */
import { type CliCommand, exitCodes, print } from '../command.js';
import { describeStatus } from './connect.js';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'show the Salesforce and HubSpot connections',
  usage: ['[--json]'],
  options: {},
  async run(ctx) {
    const status = ctx.services().connections.status();
    if (ctx.json) print(ctx.stdout, JSON.stringify(status));
    else for (const system of ['salesforce', 'hubspot'] as const) print(ctx.stdout, describeStatus(status[system]));
    return exitCodes.ok;
  },
};
