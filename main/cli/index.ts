/**
 * `sfhs`: the console without a window. The same services as the desktop app, driven from a terminal or a script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../app/errors.js';
import { databaseFileName } from '../app/services.js';
import { WorkspaceHost } from '../app/workspaces/host.js';
import { resolveStartWorkspace, type StartWorkspace } from '../app/workspaces/resolve.js';
import { SchemaTooNewError } from '../db/database.js';
import { QuotaError } from '../connectors/rate/quota.js';
import { RemoteError } from '../connectors/types.js';
import { asDamage, DamagedDatabaseError } from '../db/health/damage.js';
import { WorkspaceBusyError } from '../app/workspace-lock.js';
import { StorageError, storageCause } from '../db/health/storage.js';
import { createVaultServices, type VaultServices } from '../app/vault-services.js';
import { type CliCommand, type CliContext, type CliIo, exitCodes, print } from './command.js';
import { guardClosedPipe, isClosed } from './output/pipe.js';
import { commands } from './registry.js';

const globalOptions = {
  'data-dir': { type: 'string' },
  workspace: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'sfhs — SFHS Sync Console: Salesforce Accounts ⇄ HubSpot Companies',
    '',
    'Usage: sfhs <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --workspace W    use workspace W (a name or id; see "sfhs workspace list") instead of the current one',
    "  --data-dir DIR   keep all state in DIR, with no workspaces; SFHS_DATA_DIR moves the app's folder instead",
    '  --json           print machine-readable JSON instead of text',
    "  -h, --help       show help (sfhs <command> --help for a command's own options)",
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [
    `sfhs ${command.name} — ${command.summary}`,
    '',
    // A line that starts with spaces is a note under the usage lines, not a command line.
    ...command.usage.map((u) => (u.startsWith(' ') ? `  ${u}` : `  sfhs ${command.name} ${u}`)),
  ].join('\n');
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof SchemaTooNewError) return exitCodes.schemaTooNew;
  if (error instanceof DamagedDatabaseError) return exitCodes.damaged;
  if (error instanceof WorkspaceBusyError) return exitCodes.busy;
  if (error instanceof StorageError) return exitCodes.storage;
  if (error instanceof QuotaError) return exitCodes.waitingForQuota;
  if (!(error instanceof AppError)) return exitCodes.failure;
  if (error.code === 'UNAVAILABLE') return exitCodes.dataDir;
  if (error.code === 'VALIDATION') return exitCodes.validation;
  if (error.code === 'NOT_CONNECTED') return exitCodes.notConnected;
  if (error.code === 'SYNC_OFF') return exitCodes.syncOff;
  return exitCodes.failure;
}

function interruption(): { promise: Promise<void>; dispose(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  const onSignal = () => resolve();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

export async function runCli(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(io.stdout, helpText());
    return exitCodes.ok;
  }
  if (name === '--version' || name === 'version') {
    print(io.stdout, packageVersion());
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    print(io.stderr, `Unknown command "${name}". Run "sfhs --help" for the list.`);
    return exitCodes.usage;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    print(io.stderr, `${(error as Error).message}\n\n${commandHelp(command)}`);
    return exitCodes.usage;
  }
  if (parsed.values.help) {
    print(io.stdout, commandHelp(command));
    return exitCodes.ok;
  }
  let start: StartWorkspace;
  try {
    start = resolveStartWorkspace({
      dataDir: parsed.values['data-dir'] as string | undefined,
      workspace: parsed.values.workspace as string | undefined,
      env: io.env,
    });
  } catch (error) {
    print(io.stderr, (error as Error).message);
    return exitCodeFor(error);
  }
  if (start.notice) print(io.stderr, `! ${start.notice}`);
  const dataDir = start.dir;
  let host: WorkspaceHost | undefined;
  let vaultOnly: VaultServices | undefined;
  const base = { runtime: 'cli' as const, version: packageVersion(), command: ['sfhs', ...argv].join(' ') };
  const config = { ...base, dataDir, workspace: start.workspace };
  const interrupt = interruption();
  const unguard = [guardClosedPipe(io.stdout), guardClosedPipe(io.stderr)];
  const ctx: CliContext = {
    ...io,
    dataDir,
    json: Boolean(parsed.values.json),
    interrupted: interrupt.promise,
    workspace: start,
    host: () => {
      host ??= new WorkspaceHost({ start, base });
      return host;
    },
    services: () => ctx.host().current,
    connections: () => {
      if (host) return host.current.connections;
      if (vaultOnly) return vaultOnly.connections;
      try {
        return ctx.services().connections;
      } catch (error) {
        if (!(error instanceof DamagedDatabaseError || error instanceof SchemaTooNewError)) throw error;
        print(io.stderr, `! ${error.message}\n! Connections are read from the token vault alone meanwhile.`);
        vaultOnly = createVaultServices(config);
        return vaultOnly.connections;
      }
    },
  };
  try {
    return await command.run(ctx, { values: parsed.values, positionals: parsed.positionals });
  } catch (thrown) {
    // SQLite's "disk image is malformed" from anywhere becomes the message naming the file and the recovery.
    const cause = storageCause(thrown);
    const error = cause ? new StorageError(dataDir, cause, null) : asDamage(thrown, join(dataDir, databaseFileName));
    const code = exitCodeFor(error);
    if (ctx.json) print(io.stdout, JSON.stringify({ ok: false, error: errorJson(error) }));
    print(
      io.stderr,
      // A remote failure is expected (network, limits): its message is the news, a stack trace is not.
      error instanceof AppError || error instanceof RemoteError
        ? error.message
        : `Unexpected error: ${(error as Error).stack ?? String(error)}`,
    );
    return code;
  } finally {
    interrupt.dispose();
    await host?.settle().catch((error: unknown) => print(io.stderr, `A backup could not be written: ${error}`));
    host?.close();
    vaultOnly?.close();
    // A write may still be on its way out: its EPIPE must find the guard, so the guard stays until it has settled.
    await settled(io.stdout);
    for (const dispose of unguard) dispose();
  }
}

const errorJson = (error: unknown) => {
  if (error instanceof AppError) return error.toOpError();
  if (error instanceof QuotaError) return { code: 'RATE_LIMITED', message: error.message, resumeAt: error.resumeAt };
  if (error instanceof RemoteError) return { code: 'UNAVAILABLE', message: error.message, category: error.category };
  return { code: 'INTERNAL', message: (error as Error).message };
};

/** Resolves once what was written has left the process (or the reader has gone). */
const settled = (stream: CliIo['stdout']): Promise<void> =>
  new Promise((resolve) => {
    if (isClosed(stream) || stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
