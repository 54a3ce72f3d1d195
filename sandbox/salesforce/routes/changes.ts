/**
 * getUpdated / getDeleted for replication (A8). The window is [start, end) on SystemModstamp with seconds
 * truncated, as the docs say; `latestDateCovered` is the end (or now, if end is in the future), to be used as the
 * next start. The org keeps 30 days of updates and 15 days of deletions, and caps a window at 600,000 ids.
 */
import { json, type Router, type SandboxRequest } from '../../http/router.js';
import type { EmulatorContext } from '../context.js';
import { sfError } from '../errors.js';
import type { SObjectName } from '../store.js';
import { sfDateTime } from '../wire.js';
import { isResponse, objectOf } from './common.js';

const DAY_MS = 86_400_000;
const MAX_IDS = 600_000;

const floorMinute = (ms: number) => ms - (ms % 60_000);

/** jsforce sends `2026-01-01T00:00:00+00:00` URL-encoded; a literal `+` would arrive as a space. */
function parseWindow(req: SandboxRequest, ctx: EmulatorContext, historyDays: number) {
  const read = (name: string) => {
    const text = req.query.get(name)?.replace(/ /g, '+');
    const ms = text ? Date.parse(text) : Number.NaN;
    return Number.isNaN(ms) ? undefined : floorMinute(ms);
  };
  const start = read('start');
  const end = read('end');
  if (start === undefined || end === undefined) {
    return sfError(400, 'INVALID_REPLICATION_DATE', 'start and end must be valid dateTime values');
  }
  const now = ctx.now().getTime();
  if (start >= end)
    return sfError(
      400,
      'INVALID_REPLICATION_DATE',
      'startDate must chronologically precede endDate by more than one minute',
    );
  if (start < floorMinute(now - historyDays * DAY_MS)) {
    return sfError(400, 'INVALID_REPLICATION_DATE', `startDate cannot be more than ${historyDays} days ago`);
  }
  const covered = Math.min(end, floorMinute(now));
  return {
    startIso: new Date(start).toISOString(),
    endIso: new Date(end).toISOString(),
    covered: sfDateTime(new Date(covered).toISOString()),
  };
}

export function changeRoutes(router: Router, ctx: EmulatorContext): void {
  router.on('GET', '/services/data/:v/sobjects/:type/updated', (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    const window = parseWindow(req, ctx, 30);
    if (isResponse(window)) return window;
    const ids: string[] = [];
    for (const row of ctx.store.rows(object.name as SObjectName)) {
      const stamp = row.SystemModstamp as string;
      if (!row.IsDeleted && stamp >= window.startIso && stamp < window.endIso) ids.push(row.Id);
    }
    if (ids.length > MAX_IDS)
      return sfError(
        400,
        'EXCEEDED_ID_LIMIT',
        `too many ids: more than ${MAX_IDS} records were updated in the window; use a smaller window`,
      );
    return json(200, { ids, latestDateCovered: window.covered });
  });

  router.on('GET', '/services/data/:v/sobjects/:type/deleted', (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    const window = parseWindow(req, ctx, 15);
    if (isResponse(window)) return window;
    const deletions = ctx.store.deletions(object.name as SObjectName);
    const deletedRecords = deletions
      .filter((d) => d.deletedDate >= window.startIso && d.deletedDate < window.endIso)
      .map((d) => ({ id: d.id, deletedDate: sfDateTime(d.deletedDate) }));
    // The recycle bin holds 15 days, so that is what the org can vouch for; a start before it means "resync".
    const earliest = floorMinute(ctx.now().getTime() - 15 * DAY_MS);
    return json(200, {
      deletedRecords,
      earliestDateAvailable: sfDateTime(new Date(earliest).toISOString()),
      latestDateCovered: window.covered,
    });
  });
}
