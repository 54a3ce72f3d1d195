/**
 * Brings the cache up to date for the R3 rules outside a run (the preview works with the switch off, R1.1): both
 * systems incrementally, then the inclusion list and any list the preview is filtered by. A list that cannot be read
 * is a problem reported with its id, not a failure of the whole refresh.
 */
import type { Database } from 'better-sqlite3';
import type { PreviewProblem, Settings } from '../../../shared/contract/index.js';
import type { HubSpotConnector } from '../../connectors/types.js';
import { refreshHubSpot } from '../refresh/hubspot-refresh.js';
import type { Remotes } from '../refresh/remotes.js';
import { refreshSalesforce } from '../refresh/salesforce-refresh.js';
import { loadMappings } from '../state/mappings-store.js';
import { refreshListMembers } from './inclusion-list.js';

/** The contact lists the R3 rules and a preview filter read (each once). */
export async function refreshLists(
  db: Database,
  hs: HubSpotConnector,
  listIds: ReadonlyArray<string | null | undefined>,
  runId: string | null = null,
): Promise<PreviewProblem[]> {
  const problems: PreviewProblem[] = [];
  for (const listId of new Set(listIds.filter((id): id is string => Boolean(id)))) {
    const problem = await refreshListMembers(db, hs, listId, runId);
    if (problem) problems.push(problem);
  }
  return problems;
}

export async function refreshForPreview(
  db: Database,
  remotes: Remotes,
  settings: Settings,
  filterListId: string | null = null,
): Promise<PreviewProblem[]> {
  const mappings = loadMappings(db);
  const hs = remotes.hubspot();
  // The lists are read here, with their own error handling, instead of inside refreshHubSpot.
  await refreshHubSpot(db, hs, { mappings, inclusionListId: null });
  const problems = await refreshLists(db, hs, [settings.inclusionListId, filterListId]);
  await refreshSalesforce(db, remotes.salesforce(), { mappings });
  return problems;
}
