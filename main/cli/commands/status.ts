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
    const { pinned, dir, workspace } = ctx.workspace;
    if (ctx.json) {
      print(
        ctx.stdout,
        JSON.stringify({ ...status, workspace: { id: workspace.id, name: workspace.name, folder: dir } }),
      );
      return exitCodes.ok;
    }
    print(ctx.stdout, pinned ? `Data folder: ${dir} (--data-dir)` : `Workspace: ${workspace.name} (${dir})`);
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
