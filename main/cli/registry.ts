import type { CliCommand } from './command.js';
import { connectCommand, disconnectCommand } from './commands/connect.js';
import { statusCommand } from './commands/status.js';
import { sandboxCommand } from './commands/sandbox.js';
import { settingsCommand } from './commands/settings.js';
import { uiCommand } from './commands/ui.js';

/** Every `sfhs` command, in the order `--help` lists them. */
export const commands: CliCommand[] = [
  uiCommand,
  settingsCommand,
  sandboxCommand,
  statusCommand,
  connectCommand,
  disconnectCommand,
];
