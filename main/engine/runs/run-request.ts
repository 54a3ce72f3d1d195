import type { RunRequest } from '../engine.js';
import type { RunRow } from './runs-store.js';

/** The request a run was started with, from its stored options (to plan it again). */
export function requestOf(run: RunRow): RunRequest {
  const { where, accountIds, companyIds } = run.options as {
    where?: string | null;
    accountIds?: string[] | null;
    companyIds?: string[] | null;
  };
  return {
    kind: run.kind as RunRequest['kind'],
    dryRun: false,
    ...(where ? { where } : {}),
    ...(accountIds ? { accountIds } : {}),
    ...(companyIds ? { companyIds } : {}),
  };
}
