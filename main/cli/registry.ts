import type { CliCommand } from './command.js';
import { connectCommand, disconnectCommand } from './commands/connect.js';
import { statusCommand } from './commands/status.js';
import { sandboxCommand } from './commands/sandbox.js';
import { settingsCommand } from './commands/settings.js';
import { uiCommand } from './commands/ui.js';
import { importCommand } from './commands/import.js';
import { syncCommand } from './commands/sync.js';
import { resyncCommand } from './commands/resync.js';
import { runsCommand } from './commands/runs.js';
import { logCommand } from './commands/log.js';
import { mappingsCommand } from './commands/mappings.js';
import { previewCommand } from './commands/preview.js';
import { doctorCommand } from './commands/doctor.js';
import { restoreCommand } from './commands/restore.js';
import { holdsCommand } from './commands/holds.js';
import { reportCommand } from './commands/report.js';
import { workspaceCommand } from './commands/workspace.js';

/** Every `sfhs` command, in the order `--help` lists them. */
export const commands: CliCommand[] = [
  uiCommand,
  settingsCommand,
  sandboxCommand,
  statusCommand,
  connectCommand,
  disconnectCommand,
  importCommand,
  syncCommand,
  resyncCommand,
  runsCommand,
  logCommand,
  mappingsCommand,
  previewCommand,
  doctorCommand,
  restoreCommand,
  holdsCommand,
  reportCommand,
  workspaceCommand,
];
