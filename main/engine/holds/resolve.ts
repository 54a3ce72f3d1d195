/**
 * R6.4 a person's decisions on held accounts, in bulk: each is checked against the hold it answers (a candidate
 * that is still free, "create new" only where a new company can exist), kept, and carried out by a resync run of
 * those accounts — refreshed first, so a company linked elsewhere meanwhile is caught — journaled and logged like
 * any write. A decision that cannot be taken is answered with its reason; the others go on.
 */
import type { HoldActionInput, HoldActionRejected, HoldView, ProgressEvent } from '../../../shared/contract/index.js';
import type { Database } from 'better-sqlite3';
import type { StartedRun, SyncEngine } from '../engine.js';
import { parseSfId } from '../rules/ids.js';
import { holdView, isUnresolvedHold } from './queue.js';
import {
  deleteResolutions,
  type HoldResolution,
  holdResolution,
  saveResolutions,
  setResolutionRun,
} from './resolutions.js';

export interface HoldDecisions {
  started: StartedRun | null;
  accepted: string[];
  rejected: HoldActionRejected[];
}

const reject = (
  sfAccountId: string,
  code: HoldActionRejected['code'],
  message: string,
  category: HoldActionRejected['category'] = null,
): HoldActionRejected => ({ sfAccountId, code, category, message });

/** Why this decision cannot be taken on this hold, or null. */
function refusal(view: HoldView, action: HoldActionInput): HoldActionRejected | null {
  const id = view.sfAccountId;
  if (action.action === 'link') {
    if (!action.hsCompanyId) return reject(id, 'VALIDATION', `Linking account ${id} needs the company to link it to.`);
    const candidate = view.candidates.find((c) => c.companyId === action.hsCompanyId);
    if (!candidate) {
      const ids = view.candidates.map((c) => c.companyId).join(', ');
      return reject(id, 'VALIDATION', `Company ${action.hsCompanyId} is not a candidate for account ${id} (${ids}).`);
    }
    if (candidate.linkedToAccount) {
      return reject(
        id,
        'CONFLICT',
        `Company ${candidate.companyId} is already linked to account ${candidate.linkedToAccount}; choose another candidate or create a new company.`,
        'DUPLICATES',
      );
    }
  }
  if (action.action === 'create' && view.reason === 'DUPLICATE_LINK') {
    return reject(
      id,
      'VALIDATION',
      `Companies ${view.candidates.map((c) => c.companyId).join(', ')} already carry account ${id}'s id, so a new company cannot; link one of them (the id is cleared on the others).`,
      'DUPLICATES',
    );
  }
  return null;
}

export function decideHolds(
  db: Database,
  engine: SyncEngine,
  actions: HoldActionInput[],
  onProgress?: (event: ProgressEvent) => void,
): HoldDecisions {
  const rejected: HoldActionRejected[] = [];
  const decided = new Map<string, HoldResolution>();
  const at = new Date().toISOString();
  for (const action of actions) {
    const parsed = parseSfId(action.sfAccountId, 'Account');
    if (!parsed.ok) {
      rejected.push(
        reject(action.sfAccountId, 'VALIDATION', `"${action.sfAccountId}" is not an account id: ${parsed.message}`),
      );
      continue;
    }
    const id = parsed.id18;
    const view = isUnresolvedHold(db, id) ? holdView(db, id) : null;
    if (!view) {
      rejected.push(
        reject(id, 'NOT_FOUND', `Account ${id} has no unresolved hold: it is linked, decided or was never held.`),
      );
      continue;
    }
    const refused = refusal(view, action);
    if (refused) rejected.push(refused);
    else
      decided.set(id, {
        sfAccountId: id,
        action: action.action,
        hsCompanyId: action.action === 'link' ? (action.hsCompanyId ?? null) : null,
        runId: null,
        resolvedAt: at,
      });
  }
  const accepted = [...decided.keys()];
  if (accepted.length === 0) return { started: null, accepted, rejected };
  const previous = accepted.flatMap((id) => holdResolution(db, id) ?? []);
  saveResolutions(db, [...decided.values()]);
  let started: StartedRun;
  try {
    started = engine.start({ kind: 'resync', dryRun: false, accountIds: accepted, onProgress });
  } catch (error) {
    // The run could not start (sync off, another run active, not connected): the decisions are not kept either.
    deleteResolutions(db, accepted);
    saveResolutions(db, previous);
    throw error;
  }
  setResolutionRun(db, accepted, started.runId);
  return { started, accepted, rejected };
}
