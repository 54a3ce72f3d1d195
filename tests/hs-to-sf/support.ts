/** Helpers for the HubSpot → Salesforce tests: the CLI in-process, and the seed's stated R3 settings. */
import { PassThrough } from 'node:stream';
import type { Settings } from '../../shared/contract/index.js';
import { runCli } from '../../main/cli/index.js';
import { SEED_INCLUSION_LIST_ID } from '../../sandbox/seed/index.js';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough(), env: {} });
  return { code, out, err };
}

/** The settings the seed's expected R3 counts are stated for (sandbox/seed/expected.ts), with R3.2a in use. */
export const statedR3Settings = (): Partial<Settings> => ({
  defaultSfObjectForNewContacts: 'Contact',
  autoCreateCompaniesInUse: true,
  inclusionListId: SEED_INCLUSION_LIST_ID,
});
