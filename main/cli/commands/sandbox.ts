/**
 * `sfhs sandbox`: the local Salesforce + HubSpot sandbox, up until Ctrl-C / SIGTERM. The first stdout line is one
 * JSON object (SandboxInfo: URLs, client ids, tokens, counts, expected decisions) that scripts parse; everything
 * meant for people goes to stderr. It opens no data folder: the sandbox is the remote side, not the console.
 */
import { LimitSpecError } from '../../../sandbox/admin/index.js';
import { FaultSpecError } from '../../../sandbox/faults/faults.js';
import { type SandboxOptions, startSandbox } from '../../../sandbox/index.js';
import { SeedOptionsError } from '../../../sandbox/seed/index.js';
import { type CliCommand, exitCodes, type ParsedCommand, print } from '../command.js';

class UsageError extends Error {}

function wholeNumber(values: ParsedCommand['values'], name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isSafeInteger(n) || n < 0 || n > max) {
    throw new UsageError(
      `--${name} must be a whole number${max < Number.MAX_SAFE_INTEGER ? ` from 0 to ${max}` : ''}, got "${String(raw)}".`,
    );
  }
  return n;
}

const text = (values: ParsedCommand['values'], name: string): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

export function sandboxOptions(values: ParsedCommand['values']): SandboxOptions {
  return {
    accounts: wholeNumber(values, 'accounts'),
    contacts: wholeNumber(values, 'contacts'),
    seed: wholeNumber(values, 'seed'),
    hsCompanies: wholeNumber(values, 'hs-companies'),
    faults: text(values, 'faults'),
    hsLimit: text(values, 'hs-limit'),
    snapshot: text(values, 'snapshot'),
    ports: {
      salesforce: wholeNumber(values, 'sf-port', 65535),
      hubspot: wholeNumber(values, 'hs-port', 65535),
      admin: wholeNumber(values, 'admin-port', 65535),
    },
  };
}

const isUsageError = (error: unknown): error is Error =>
  error instanceof UsageError ||
  error instanceof FaultSpecError ||
  error instanceof LimitSpecError ||
  error instanceof SeedOptionsError;

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'run local Salesforce and HubSpot emulators with seeded data (first stdout line: JSON)',
  usage: [
    '[--accounts N] [--contacts M] [--seed S] [--hs-companies N]',
    '[--faults SPEC]            e.g. 429=0.05,5xx=0.01,slow=0.1@250,partial=0.02,seed=7',
    '[--hs-limit LIMIT]         110/10s (default OAuth app limit), 190/10s,1000000/day, or off',
    '[--snapshot FILE]          reuse FILE when made with the same seed and sizes, else generate and save it',
    '[--sf-port P] [--hs-port P] [--admin-port P]',
  ],
  options: {
    accounts: { type: 'string' },
    contacts: { type: 'string' },
    seed: { type: 'string' },
    'hs-companies': { type: 'string' },
    faults: { type: 'string' },
    'hs-limit': { type: 'string' },
    snapshot: { type: 'string' },
    'sf-port': { type: 'string' },
    'hs-port': { type: 'string' },
    'admin-port': { type: 'string' },
  },
  async run(ctx, { values }) {
    const started = Date.now();
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    try {
      sandbox = await startSandbox(sandboxOptions(values));
    } catch (error) {
      if (!isUsageError(error)) throw error;
      print(ctx.stderr, error.message);
      return exitCodes.usage;
    }
    const info = sandbox.info();
    print(ctx.stdout, JSON.stringify(info));
    const c = info.counts;
    print(
      ctx.stderr,
      `Sandbox ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${info.source} data, seed ${info.seed.seed}).`,
    );
    print(
      ctx.stderr,
      `  Salesforce ${info.salesforce.url}  ${c.sfAccounts} accounts, ${c.sfContacts} contacts, ${c.sfLeads} leads`,
    );
    print(ctx.stderr, `  HubSpot    ${info.hubspot.url}  ${c.hsCompanies} companies, ${c.hsContacts} contacts`);
    print(ctx.stderr, `  Admin      ${info.admin.url}  (GET /faults, PUT /faults, PUT /hubspot/limits, GET /stats)`);
    print(ctx.stderr, 'Press Ctrl-C to stop.');
    await ctx.interrupted;
    await sandbox.close();
    print(ctx.stderr, 'Sandbox stopped.');
    return exitCodes.ok;
  },
};
