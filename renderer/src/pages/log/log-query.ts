import type { OpArgs } from '../../../../shared/contract/operations.js';
import { localInputToIso } from '../../format/format.js';
import { type LogOutcome, logOutcomes } from '../../../../shared/contract/runs.js';

/** The filter form's fields, as typed. */
export interface LogFilters {
  runId: string;
  recordId: string;
  category: string;
  outcome: string;
  /** sf_to_hs, hs_to_sf or local; empty for both. */
  direction: string;
  /** datetime-local values (the reader's time zone). */
  since: string;
  until: string;
  text: string;
}

export const emptyFilters: LogFilters = {
  runId: '',
  recordId: '',
  category: '',
  outcome: '',
  direction: '',
  since: '',
  until: '',
  text: '',
};

export type LogQuery = Omit<OpArgs<'queryLog'>, 'afterId' | 'limit'>;

/** Filters → the queryLog / exportLog argument: empty fields are left out, times become ISO (UTC). */
export function toLogQuery(filters: LogFilters): LogQuery {
  const query: LogQuery = {};
  const runId = filters.runId.trim();
  const recordId = filters.recordId.trim();
  const text = filters.text.trim();
  if (runId) query.runId = runId;
  if (recordId) query.recordId = recordId;
  if (filters.category) query.category = filters.category;
  if ((logOutcomes as readonly string[]).includes(filters.outcome)) query.outcome = filters.outcome as LogOutcome;
  if (filters.direction === 'sf_to_hs' || filters.direction === 'hs_to_sf' || filters.direction === 'local') {
    query.direction = filters.direction;
  }
  const since = localInputToIso(filters.since);
  const until = localInputToIso(filters.until);
  if (since) query.since = since;
  if (until) query.until = until;
  if (text) query.text = text;
  return query;
}

/** `#/log?run=…&record=…&outcome=…`: other pages link to a filtered log. */
export function filtersFromHash(hash: string): LogFilters {
  const query = hash.split('?')[1] ?? '';
  const params = new URLSearchParams(query);
  return {
    ...emptyFilters,
    runId: params.get('run') ?? '',
    recordId: params.get('record') ?? '',
    outcome: params.get('outcome') ?? '',
    text: params.get('text') ?? '',
  };
}

export const activeFilterCount = (filters: LogFilters): number =>
  Object.values(toLogQuery(filters)).filter((v) => v !== undefined).length;
