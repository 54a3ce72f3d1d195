import type { Readable, Writable } from 'node:stream';
import type { ParseArgsConfig } from 'node:util';
import type { Services } from '../app/services.js';
import type { WorkspaceHost } from '../app/workspaces/host.js';
import type { StartWorkspace } from '../app/workspaces/resolve.js';
import type { ConnectionService } from '../connections/index.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

export interface CliContext extends CliIo {
  dataDir: string;
  json: boolean;
  /** The workspace (or `--data-dir` folder) this command works on, known before anything is opened. */
  workspace: StartWorkspace;
  /** Opens the workspace's services behind a host that can switch workspaces (`sfhs ui`); closed by the runner. */
  host(): WorkspaceHost;
  /** The open workspace's services (database, settings, handlers); closed by the runner when the command ends. */
  services(): Services;
  /**
   * The connections (vault and settings) — also when the database is damaged or refused: then without it, and a
   * notice naming the problem has been printed on stderr.
   */
  connections(): ConnectionService;
  /** Resolves when the user interrupts (Ctrl-C / SIGTERM); long-running commands await it. */
  interrupted: Promise<void>;
}

export interface ParsedCommand {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Lines after `sfhs <name>` in `--help`, e.g. `[--port N]`. */
  usage: string[];
  options: OptionSpec;
  run(ctx: CliContext, args: ParsedCommand): Promise<number>;
}

/** Exit codes that mean something to scripts. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  dataDir: 3,
  schemaTooNew: 4,
  notConnected: 5,
  validation: 6,
  syncOff: 7,
  /** A run ended with records that failed (they wait in the retry queue). */
  partialFailure: 8,
  /** The database is damaged; nothing was written (sfhs doctor, sfhs restore). */
  damaged: 9,
  /** Another process is writing to the data folder. */
  busy: 10,
  /** A run waits for API quota (the Salesforce allocation, the org's 90 % ceiling, HubSpot's daily limit). */
  waitingForQuota: 11,
  /** A run paused because the disk is full or the data folder cannot be written. */
  storage: 12,
  interrupted: 130,
} as const;

export const print = (stream: Writable, line = ''): void => {
  stream.write(`${line}\n`);
};
