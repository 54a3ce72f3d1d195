/**
 * Runs `sfhs` in-process through runCli against a harness sandbox, capturing stdout and stderr. The harness's own
 * services are closed at once: the CLI opens the data folder itself, as it does in a terminal.
 */
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import { runCli } from '../../main/cli/index.js';
import { startHarness } from '../support/engine-harness.js';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.js';
import { tempDirFactory } from '../support/temp.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
  /** stdout as JSON (one object). */
  // biome-ignore lint/suspicious/noExplicitAny: parsed CLI output; each test asserts the shape it relies on
  json<T = Record<string, any>>(): T;
  /** stdout as NDJSON (one object per line). */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  lines<T = Record<string, any>>(): T[];
}

export async function cli(
  argv: string[],
  options: {
    stdin?: string;
    whileRunning?: (io: { stdout: PassThrough; stderr: PassThrough }) => void;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const running = runCli(argv, { stdout, stderr, stdin, env: options.env ?? {} });
  options.whileRunning?.({ stdout, stderr });
  const code = await running;
  return {
    code,
    out,
    err,
    json: () => JSON.parse(out),
    lines: () =>
      out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

export interface CliWorld {
  sandbox: Sandbox;
  dataDir: string;
  /** `sfhs ARGV --data-dir DIR`. */
  sfhs(...argv: string[]): Promise<CliResult>;
  syncOn(): Promise<void>;
}

const tempDir = tempDirFactory();
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

/** A seeded sandbox and a data folder connected to both systems (closed after the test). */
export async function cliWorld(options: SandboxOptions = {}): Promise<CliWorld> {
  const harness = await startHarness(tempDir(), options);
  harness.services.close();
  open.push(() => harness.sandbox.close());
  const sfhs = (...argv: string[]) => cli([...argv, '--data-dir', harness.dataDir]);
  return {
    sandbox: harness.sandbox,
    dataDir: harness.dataDir,
    sfhs,
    async syncOn() {
      const { code, err } = await sfhs('settings', 'set', 'syncCompanies', 'true');
      if (code !== 0) throw new Error(err);
    },
  };
}
