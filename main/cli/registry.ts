import type { CliCommand } from './command.js';
import { settingsCommand } from './commands/settings.js';
import { uiCommand } from './commands/ui.js';

/** Every `sfhs` command, in the order `--help` lists them. */
export const commands: CliCommand[] = [uiCommand, settingsCommand];
