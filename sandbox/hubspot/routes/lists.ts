/**
 * Lists v3 memberships (`MembershipsApi.getPage`: GET /crm/v3/lists/{listId}/memberships?after&before&limit)
 * and list metadata. Members are contact ids kept sorted, so a page is a binary search plus a slice.
 */
import type { Router } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsError, hsJson } from '../errors.js';
import { compareIds } from '../object-table.js';
import { isResponse, limitParam } from './common.js';

const notFound = (listId: string) =>
  hsError(404, 'OBJECT_NOT_FOUND', `List ${listId} does not exist.`, { context: { listId: [listId] } });

function lowerBound(ids: string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(ids[mid] as string, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listRoutes(router: Router, ctx: ApiContext): void {
  router.on('GET', '/crm/v3/lists/:listId', (req) => {
    const list = ctx.store.getList(req.params.listId ?? '');
    if (!list) return notFound(req.params.listId ?? '');
    return hsJson(200, {
      list: {
        listId: list.listId,
        name: list.name,
        objectTypeId: '0-1',
        processingType: 'MANUAL',
        processingStatus: 'COMPLETE',
        size: list.members.length,
        createdAt: list.addedAt,
        updatedAt: list.addedAt,
      },
    });
  });

  router.on('GET', '/crm/v3/lists/:listId/memberships', (req) => {
    const list = ctx.store.getList(req.params.listId ?? '');
    if (!list) return notFound(req.params.listId ?? '');
    const limit = limitParam(req.query.get('limit') ?? undefined, 100, 250);
    if (isResponse(limit)) return limit;
    // Cursor = the last record id of the previous page (opaque to clients).
    const after = req.query.get('after');
    const start = after ? lowerBound(list.members, after) : 0;
    const slice = list.members.slice(start, start + limit);
    const results = slice.map((recordId) => ({ recordId, membershipTimestamp: list.addedAt }));
    const last = slice[slice.length - 1];
    const paging =
      start + limit < list.members.length && last !== undefined ? { paging: { next: { after: last } } } : {};
    return hsJson(200, { results, total: list.members.length, ...paging });
  });
}
