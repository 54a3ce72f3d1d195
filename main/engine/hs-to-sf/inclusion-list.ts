/**
 * R3.1c / R3.2c the inclusion list's members in the cache. A list id that does not exist (or cannot be read) is
 * recorded, with the reason, instead of failing the refresh: the rest of the preview or the run goes on, and every
 * company is vetoed by R3.1c (nobody is on a list that cannot be read), which creates nothing by mistake.
 */
import type { Database } from 'better-sqlite3';
import type { PreviewProblem } from '../../../shared/contract/index.js';
import { RemoteError, type HubSpotConnector } from '../../connectors/types.js';
import { getMeta, setMeta } from '../../db/meta.js';
import { saveListMembers } from '../cache/hubspot-cache.js';
import { appendLog } from '../log/log-store.js';

const metaKey = (listId: string) => `hsToSf.list.${listId}`;

interface ListStatus {
  state: 'read' | 'not_found' | 'unreadable';
  message: string | null;
  at: string;
}

export function listStatus(db: Database, listId: string): ListStatus | null {
  const raw = getMeta(db, metaKey(listId));
  return raw ? (JSON.parse(raw) as ListStatus) : null;
}

/** Reads a contact list's members into the cache; answers the problem, if any, after logging it (R9.1). */
export async function refreshListMembers(
  db: Database,
  hs: HubSpotConnector,
  listId: string,
  runId: string | null = null,
): Promise<PreviewProblem | null> {
  const at = new Date().toISOString();
  try {
    let first = true;
    for await (const members of hs.listMembers(listId)) {
      saveListMembers(db, listId, members, first);
      first = false;
    }
    // An empty list answers no page: its old members must still go.
    if (first) saveListMembers(db, listId, [], true);
    setMeta(db, metaKey(listId), JSON.stringify({ state: 'read', message: null, at } satisfies ListStatus));
    return null;
  } catch (error) {
    if (!(error instanceof RemoteError) || error.retryable) throw error;
    const notFound = error.status === 404;
    const status: ListStatus = {
      state: notFound ? 'not_found' : 'unreadable',
      message: notFound
        ? `HubSpot has no list ${listId}.`
        : `HubSpot list ${listId} could not be read: ${error.message}`,
      at,
    };
    db.transaction(() => {
      // Members of a list that is gone must not keep counting (R3.2c).
      saveListMembers(db, listId, [], true);
      setMeta(db, metaKey(listId), JSON.stringify(status));
      appendLog(db, [
        {
          runId,
          at,
          direction: 'local',
          sfAccountId: null,
          hsCompanyId: null,
          operation: 'read-list',
          reason: notFound ? 'INCLUSION_LIST_NOT_FOUND' : 'INCLUSION_LIST_UNREADABLE',
          before: null,
          after: null,
          outcome: 'failed',
          category: notFound ? 'PROPERTY_VALUE' : error.category === 'UNCATEGORIZED' ? null : error.category,
          message: `${status.message} Every company is vetoed until the list id is fixed in Sync settings.`,
        },
      ]);
    })();
    return inclusionListProblem(db, listId);
  }
}

/** Why the configured inclusion list makes the preview uncertain, or null. */
export function inclusionListProblem(db: Database, listId: string | null): PreviewProblem | null {
  if (listId === null) return null;
  const status = listStatus(db, listId);
  if (status === null) {
    return {
      code: 'INCLUSION_LIST_NOT_READ',
      message: `Inclusion list ${listId} has not been read yet; refresh the cache. Until then nobody counts as a member.`,
      recordId: listId,
    };
  }
  if (status.state === 'read') return null;
  return {
    code: 'INCLUSION_LIST_NOT_FOUND',
    message: `${status.message} Every company with contacts is vetoed until the list id is fixed.`,
    recordId: listId,
  };
}
